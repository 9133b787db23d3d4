package ru.mos.localisation.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What officials read instead of the decision's codes. */
class PriorityTextsTests {

  private final PriorityTexts texts = new PriorityTexts();

  @ParameterizedTest
  @CsvSource({"P1D, 1 день", "P3D, 3 дня", "P10D, 10 дней", "P11D, 11 дней", "P21D, 21 день", "P22D, 22 дня", "P30D, 30 дней", "PT12H, PT12H"})
  void deadlineIsSaidInDays(String duration, String text) {
    assertThat(texts.deadline(duration)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PRIORITY_INVESTMENT_PROJECT,INDUSTRIAL_COMPLEX | Приоритетный инвестиционный проект, Промышленный комплекс",
        "TECHNOPARK_RESIDENT | Резидент технопарка",
        "'' | нет"
      })
  void cityStatusesAreNamedInRussian(String codes, String text) {
    assertThat(texts.cityStatuses(codes)).isEqualTo(text);
  }
}
