package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A user task's due date counts working days: weekends do not count. */
class DeadlinesTests {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @ParameterizedTest(name = "[{index}] {0} + {1} working days → {2}")
  @CsvSource({
    // Wednesday
    "2026-11-25T10:00, 2, 2026-11-27T10:00",
    "2026-11-25T10:00, 3, 2026-11-30T10:00",
    "2026-11-25T10:00, 10, 2026-12-09T10:00",
    // Friday, Saturday and Sunday all end up on working days
    "2026-11-27T16:30, 1, 2026-11-30T16:30",
    "2026-11-28T09:00, 1, 2026-11-30T09:00",
    "2026-11-29T09:00, 5, 2026-12-04T09:00"
  })
  void workingDaysSkipWeekends(String start, int days, String due) {
    assertThat(Deadlines.workingDaysAfter(ZonedDateTime.parse(start + "+03:00[Europe/Moscow]").withZoneSameInstant(MOSCOW), days))
        .isEqualTo(ZonedDateTime.parse(due + "+03:00[Europe/Moscow]"));
  }
}
