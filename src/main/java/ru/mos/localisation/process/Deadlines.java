package ru.mos.localisation.process;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The process's fixed deadlines, in one place: the models' timers read them by expression
 * ({@code ${deadlines.documentsSupply}}) and the letters to the investor quote the same days.
 * It also turns an ISO-8601 duration from the priority decision (e.g. {@code P10D}) into a due date
 * for Tasklist: {@code camunda:dueDate="${deadlines.after(assessmentDeadline)}"}, counted from the
 * engine's clock, the same one the escalation timer uses.
 */
@Component("deadlines")
public class Deadlines {

  /** How long the investor has to supply missing documents before the request is closed. */
  public static final Period DOCUMENTS_SUPPLY = Period.ofDays(30);

  /** How long the investor has to answer a site offer before the reservation lapses. */
  public static final Period SITE_OFFER_ANSWER = Period.ofDays(14);

  /** {@link #DOCUMENTS_SUPPLY} for the timer {@code Event_DocumentsDeadlinePassed}. */
  public String getDocumentsSupply() {
    return DOCUMENTS_SUPPLY.toString();
  }

  /** {@link #SITE_OFFER_ANSWER} for the timer {@code Event_OfferExpired}. */
  public String getSiteOfferAnswer() {
    return SITE_OFFER_ANSWER.toString();
  }

  /** The moment a period from now (the engine's clock, as its timers count) ends: a deadline a letter states. */
  public static ZonedDateTime dueAfter(Period period) {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).plus(period);
  }

  public Date after(String isoDuration) {
    ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
    ZonedDateTime due =
        isoDuration.contains("T") ? now.plus(Duration.parse(isoDuration)) : now.plus(Period.parse(isoDuration));
    return Date.from(due.toInstant());
  }
}
