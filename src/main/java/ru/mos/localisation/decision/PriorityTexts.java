package ru.mos.localisation.decision;

import java.time.Period;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The priority decision's outputs in words an official reads on a form: {@code P10D} is
 * «10 дней», {@code PRIORITY_INVESTMENT_PROJECT} is «Приоритетный инвестиционный проект».
 * Used by the business rule task's output mapping: {@code ${priorityTexts.deadline(...)}}.
 */
@Component("priorityTexts")
public class PriorityTexts {

  private static final Map<String, String> CITY_STATUSES =
      Map.of(
          "PRIORITY_INVESTMENT_PROJECT", "Приоритетный инвестиционный проект",
          "INDUSTRIAL_COMPLEX", "Промышленный комплекс",
          "TECHNOPARK_RESIDENT", "Резидент технопарка");

  /** A deadline in days, e.g. «10 дней»; anything but whole days is shown as given. */
  public String deadline(String isoDuration) {
    try {
      Period period = Period.parse(isoDuration);
      if (period.getYears() == 0 && period.getMonths() == 0) {
        return period.getDays() + " " + days(period.getDays());
      }
    } catch (RuntimeException e) {
      // not a plain period: show it as it is
    }
    return isoDuration;
  }

  /** The eligible city statuses in Russian, or «нет» when there are none. */
  public String cityStatuses(String codes) {
    if (codes == null || codes.isBlank()) {
      return "нет";
    }
    return Arrays.stream(codes.split(","))
        .map(String::strip)
        .map(code -> CITY_STATUSES.getOrDefault(code, code))
        .collect(Collectors.joining(", "));
  }

  private static String days(int n) {
    int lastTwo = n % 100;
    int last = n % 10;
    if (lastTwo >= 11 && lastTwo <= 14) {
      return "дней";
    }
    return last == 1 ? "день" : (last >= 2 && last <= 4 ? "дня" : "дней");
  }
}
