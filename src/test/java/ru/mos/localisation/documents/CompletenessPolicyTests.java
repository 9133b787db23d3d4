package ru.mos.localisation.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.request.DocumentType.BUSINESS_PLAN;
import static ru.mos.localisation.request.DocumentType.CORPORATE_DOCUMENTS;
import static ru.mos.localisation.request.DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY;
import static ru.mos.localisation.request.DocumentType.FINANCIAL_STATEMENTS;
import static ru.mos.localisation.request.DocumentType.LICENCES;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.Sector;

/** Which documents each sector and hazard class needs, and what is missing from a filing. */
class CompletenessPolicyTests {

  private final CompletenessPolicy policy = new CompletenessPolicy();

  @ParameterizedTest
  @EnumSource(Sector.class)
  void everySectorNeedsBusinessPlanFinancialStatementsAndCorporateDocuments(Sector sector) {
    assertThat(policy.required(sector, 5))
        .contains(BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void batteryRecyclingAlwaysNeedsEnvironmentalImpactSummary(int hazardClass) {
    assertThat(policy.required(Sector.BATTERY_RECYCLING, hazardClass))
        .containsExactlyInAnyOrder(
            BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY);
  }

  @ParameterizedTest
  @EnumSource(Sector.class)
  void hazardClassesOneToThreeNeedEnvironmentalImpactSummaryInAnySector(Sector sector) {
    for (int hazardClass = 1; hazardClass <= 3; hazardClass++) {
      assertThat(policy.required(sector, hazardClass))
          .as("%s, hazard class %d", sector, hazardClass)
          .contains(ENVIRONMENTAL_IMPACT_SUMMARY);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void elevatorsOfHazardClassFourOrFiveNeedOnlyTheBasicDocuments(int hazardClass) {
    assertThat(policy.required(Sector.ELEVATORS, hazardClass))
        .containsExactlyInAnyOrder(BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS);
  }

  @ParameterizedTest
  @EnumSource(
      value = Sector.class,
      names = {"BATTERY_MANUFACTURING", "ELEVATORS", "OTHER"})
  void sectorsWithoutSpecialRulesOfHazardClassFourOrFiveNeedNeitherSummaryNorLicences(Sector sector) {
    assertThat(policy.required(sector, 4)).doesNotContain(ENVIRONMENTAL_IMPACT_SUMMARY, LICENCES);
    assertThat(policy.required(sector, 5)).doesNotContain(ENVIRONMENTAL_IMPACT_SUMMARY, LICENCES);
  }

  @ParameterizedTest
  @EnumSource(
      value = Sector.class,
      names = {"MEDICAL_EQUIPMENT", "BIOTECH"})
  void licensedSectorsNeedLicences(Sector sector) {
    assertThat(policy.required(sector, 5))
        .containsExactlyInAnyOrder(BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS, LICENCES);
    assertThat(policy.required(sector, 2))
        .containsExactlyInAnyOrder(
            BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY, LICENCES);
  }

  @ParameterizedTest
  @EnumSource(
      value = Sector.class,
      names = {"MEDICAL_EQUIPMENT", "BIOTECH"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherSectorsNeedNoLicences(Sector sector) {
    assertThat(policy.required(sector, 1)).doesNotContain(LICENCES);
  }

  @Test
  void requiredSetIsAFreshCopyThatCallersMayChange() {
    policy.required(Sector.OTHER, 5).clear();

    assertThat(policy.required(Sector.OTHER, 5)).hasSize(3);
  }

  @Test
  void missingIsRequiredMinusFiledInDeclarationOrder() {
    List<DocumentType> missing =
        policy.missing(Sector.MEDICAL_EQUIPMENT, 2, List.of(LICENCES, FINANCIAL_STATEMENTS));

    assertThat(missing)
        .containsExactly(BUSINESS_PLAN, CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY);
  }

  @Test
  void missingKeepsTheSameOrderWhateverOrderTheDocumentsWereFiledIn() {
    List<DocumentType> filedOneWay = List.of(CORPORATE_DOCUMENTS, BUSINESS_PLAN);
    List<DocumentType> filedOtherWay = List.of(BUSINESS_PLAN, CORPORATE_DOCUMENTS);

    assertThat(policy.missing(Sector.BIOTECH, 1, filedOneWay))
        .containsExactly(FINANCIAL_STATEMENTS, ENVIRONMENTAL_IMPACT_SUMMARY, LICENCES)
        .isEqualTo(policy.missing(Sector.BIOTECH, 1, filedOtherWay));
  }

  @Test
  void nothingFiledMeansEverythingRequiredIsMissing() {
    assertThat(policy.missing(Sector.BATTERY_RECYCLING, 3, List.of()))
        .containsExactly(
            BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS, ENVIRONMENTAL_IMPACT_SUMMARY);
  }

  @Test
  void completeFilingMissesNothingAndExtraOrRepeatedDocumentsDoNotMatter() {
    List<DocumentType> filed =
        List.of(
            ENVIRONMENTAL_IMPACT_SUMMARY, BUSINESS_PLAN, BUSINESS_PLAN, LICENCES,
            CORPORATE_DOCUMENTS, FINANCIAL_STATEMENTS);

    assertThat(policy.missing(Sector.BATTERY_RECYCLING, 3, filed)).isEmpty();
    assertThat(policy.missing(Sector.ELEVATORS, 5, filed)).isEmpty();
  }

  @Test
  void aDocumentThatIsNotRequiredIsNeverReportedMissing() {
    assertThat(policy.missing(Sector.ELEVATORS, 4, List.of()))
        .containsExactly(BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS);
  }
}
