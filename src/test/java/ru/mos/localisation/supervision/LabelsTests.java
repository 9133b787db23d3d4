package ru.mos.localisation.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import ru.mos.localisation.integrity.TaskFields;
import ru.mos.localisation.request.Sector;

/** The board reads every official's field and every sector in words, never as a code. */
class LabelsTests {

  @Test
  void everyFieldAnOfficialSetsHasARussianLabel() {
    TaskFields.all().values().stream()
        .flatMap(Collection::stream)
        .forEach(field -> assertThat(Labels.variable(field)).as(field).isNotEqualTo(field).matches("\\P{IsLatin}+"));
  }

  @Test
  void sectorsReadAsTheOfficialsFormsShowThem() {
    for (Sector sector : Sector.values()) {
      assertThat(Labels.sector(sector)).isEqualTo(sector.titleRu());
    }
  }

  @Test
  void theComplianceReviewIsAnEventInWords() {
    assertThat(Labels.event("SCREENING_REVIEWED")).isEqualTo("Совпадение рассмотрено комплаенсом");
  }
}
