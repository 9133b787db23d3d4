package ru.mos.localisation.process;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns an ISO-8601 duration from the priority decision (e.g. {@code P10D}) into a due date for
 * Tasklist: {@code camunda:dueDate="${deadlines.after(assessmentDeadline)}"}. It counts from the
 * engine's clock, the same one the escalation timer uses.
 */
@Component("deadlines")
public class Deadlines {

  public Date after(String isoDuration) {
    ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
    ZonedDateTime due =
        isoDuration.contains("T") ? now.plus(Duration.parse(isoDuration)) : now.plus(Period.parse(isoDuration));
    return Date.from(due.toInstant());
  }
}
