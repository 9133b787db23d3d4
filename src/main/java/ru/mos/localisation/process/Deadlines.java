package ru.mos.localisation.process;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The process's fixed deadlines, in one place: the models' timers read them by expression
 * ({@code ${deadlines.documentsSupply}}) and the letters to the investor quote the same days.
 * It also turns an ISO-8601 duration from the priority decision (e.g. {@code P10D}) into a due date
 * for Tasklist: {@code camunda:dueDate="${deadlines.after(assessmentDeadline)}"}, counted from the
 * engine's clock, the same one the escalation timer uses. Every other user task is due a number of
 * working days after it is created ({@link #WORKING_DAYS}): {@code camunda:dueDate="${deadlines.due(execution)}"}.
 */
@Component("deadlines")
public class Deadlines {

  /** How long the investor has to supply missing documents before the request is closed. */
  public static final Period DOCUMENTS_SUPPLY = Period.ofDays(30);

  /** How long the investor has to answer a site offer before the reservation lapses. */
  public static final Period SITE_OFFER_ANSWER = Period.ofDays(14);

  /**
   * Working days (Monday to Friday) an official has for each user task, from its creation; the
   * assessment's deadline comes from the priority decision instead.
   */
  public static final Map<String, Integer> WORKING_DAYS =
      Map.of(
          "Task_ConfirmMissingDocuments", 2,
          "Task_ReviewScreeningHit", 3,
          "Task_HandleOverdueAssessment", 2,
          "Task_ReviewEnvironmentalImpact", 10,
          "Task_PrepareSupportPackage", 5,
          "Task_SelectSite", 3,
          "Task_DecideWithoutSite", 2,
          "Task_DecideFinalApproval", 5);

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
    ZonedDateTime now = now();
    ZonedDateTime due =
        isoDuration.contains("T") ? now.plus(Duration.parse(isoDuration)) : now.plus(Period.parse(isoDuration));
    return Date.from(due.toInstant());
  }

  /**
   * The due date of the user task the execution is entering: {@link #WORKING_DAYS} of it after now.
   *
   * @throws IllegalStateException for a task without working days, so a new task cannot be
   *     deployed without a due date
   */
  public Date due(DelegateExecution execution) {
    Integer days = WORKING_DAYS.get(execution.getCurrentActivityId());
    if (days == null) {
      throw new IllegalStateException("No working days for the user task " + execution.getCurrentActivityId());
    }
    return Date.from(workingDaysAfter(now(), days).toInstant());
  }

  /** The same time of day, {@code days} working days (Monday to Friday) later. */
  static ZonedDateTime workingDaysAfter(ZonedDateTime start, int days) {
    ZonedDateTime due = start;
    int left = days;
    while (left > 0) {
      due = due.plusDays(1);
      if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return due;
  }

  private static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
  }
}
