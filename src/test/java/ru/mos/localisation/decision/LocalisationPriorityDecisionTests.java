package ru.mos.localisation.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DEADLINE;
import static ru.mos.localisation.decision.DecisionVariables.ELIGIBLE_STATUSES;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_REVIEW_REQUIRED;
import static ru.mos.localisation.decision.DecisionVariables.EXPORT_SHARE_PERCENT;
import static ru.mos.localisation.decision.DecisionVariables.HAZARD_CLASS;
import static ru.mos.localisation.decision.DecisionVariables.INVESTMENT_RUB;
import static ru.mos.localisation.decision.DecisionVariables.PLANNED_JOBS;
import static ru.mos.localisation.decision.DecisionVariables.PRIORITY;
import static ru.mos.localisation.decision.DecisionVariables.SECTOR;
import static ru.mos.localisation.request.Sector.BATTERY_MANUFACTURING;
import static ru.mos.localisation.request.Sector.BATTERY_RECYCLING;
import static ru.mos.localisation.request.Sector.BIOTECH;
import static ru.mos.localisation.request.Sector.ELEVATORS;
import static ru.mos.localisation.request.Sector.MEDICAL_EQUIPMENT;
import static ru.mos.localisation.request.Sector.OTHER;

import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.mos.localisation.request.Sector;

/**
 * The {@code localisation-priority} decision requirements graph, evaluated on Camunda's standalone
 * DMN engine as the process's business rule task does: every rule of every table by at least one
 * request (the rule that matched is checked, not only the outputs), the thresholds from both sides,
 * the product's example request, and a grid of requests that each get exactly one result.
 */
class LocalisationPriorityDecisionTests {

  static final String RESOURCE = "bpmn/localisation-priority.dmn";
  static final String PRIORITY_DECISION = "localisation-priority";
  static final String REVIEW_DECISION = "environmental-review-requirement";
  static final String STATUSES_DECISION = "eligible-city-statuses";

  static final String PIP = "PRIORITY_INVESTMENT_PROJECT";
  static final String IC = "INDUSTRIAL_COMPLEX";
  static final String TR = "TECHNOPARK_RESIDENT";

  /** Matched rule ids per decision key of the last evaluation; the tests run one at a time. */
  static final Map<String, List<String>> matchedRules = new HashMap<>();

  static DmnEngine engine;
  static Map<String, DmnDecision> decisions;
  static DmnModelInstance model;

  @BeforeAll
  static void parseDecisions() throws IOException {
    DmnDecisionEvaluationListener recordMatchedRules =
        event -> {
          matchedRules.clear();
          record(event.getDecisionResult());
          event.getRequiredDecisionResults().forEach(LocalisationPriorityDecisionTests::record);
        };
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(recordMatchedRules));
    // the FEEL behaviour the application's process engine is configured with
    configuration.enableFeelLegacyBehavior(applicationUsesLegacyFeel());
    engine = configuration.buildEngine();
    try (InputStream dmn = resource()) {
      decisions =
          engine.parseDecisions(dmn).stream()
              .collect(Collectors.toMap(DmnDecision::getKey, decision -> decision));
    }
    try (InputStream dmn = resource()) {
      model = Dmn.readModelFromStream(dmn);
    }
  }

  /** {@code dmnFeelEnableLegacyBehavior} of the engine as {@code application.yml} sets it. */
  static boolean applicationUsesLegacyFeel() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return Boolean.parseBoolean(
        yaml.getObject().getProperty("camunda.bpm.generic-properties.properties.dmnFeelEnableLegacyBehavior"));
  }

  @Test
  void evaluatesWithTheFeelBehaviourOfTheApplication() {
    assertThat(((DefaultDmnEngineConfiguration) engine.getConfiguration()).isEnableFeelLegacyBehavior())
        .isEqualTo(applicationUsesLegacyFeel())
        .isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // The decision requirements graph
  // ---------------------------------------------------------------------------------------------

  @Test
  void parsesTheGraphOfThreeDecisionsWithTheTopDecisionRequiringTheOtherTwo() {
    assertThat(decisions).containsOnlyKeys(PRIORITY_DECISION, REVIEW_DECISION, STATUSES_DECISION);
    assertThat(decisions.values()).allMatch(DmnDecision::isDecisionTable);
    assertThat(decisions.get(PRIORITY_DECISION).getRequiredDecisions())
        .extracting(DmnDecision::getKey)
        .containsExactlyInAnyOrder(REVIEW_DECISION, STATUSES_DECISION);
  }

  @Test
  void everyDecisionHasHistoryTimeToLiveAndHitPolicyFirst() {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", decision.getId()).isNotBlank();
      DecisionTable table = (DecisionTable) decision.getExpression();
      assertThat(table.getHitPolicy()).as("hit policy of %s", decision.getId()).isEqualTo(HitPolicy.FIRST);
    }
  }

  @Test
  void everyRuleIsDescribedAndEveryTableEndsWithACatchAllRule() {
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      List<Rule> rules = new ArrayList<>(table.getRules());
      assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull());
      assertThat(rules.get(rules.size() - 1).getInputEntries())
          .as("last rule of %s", table.getId())
          .allSatisfy(entry -> assertThat(entry.getTextContent()).isBlank());
    }
  }

  @Test
  void returnsExactlyTheFourOutputsTheProcessMaps() {
    DmnDecisionResult result = evaluate(BATTERY_RECYCLING, 2_500_000_000L, 320, 30, 3);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsOnlyKeys(PRIORITY, ASSESSMENT_DEADLINE, ENVIRONMENTAL_REVIEW_REQUIRED, ELIGIBLE_STATUSES)
        .hasEntrySatisfying(PRIORITY, value -> assertThat(value).isInstanceOf(String.class))
        .hasEntrySatisfying(ASSESSMENT_DEADLINE, value -> assertThat(value).isInstanceOf(String.class))
        .hasEntrySatisfying(ENVIRONMENTAL_REVIEW_REQUIRED, value -> assertThat(value).isInstanceOf(Boolean.class))
        .hasEntrySatisfying(ELIGIBLE_STATUSES, value -> assertThat(value).isInstanceOf(String.class));
  }

  @Test
  void productExampleBatteryRecyclingPlantIsPriorityAWithEnvironmentalReview() {
    DmnDecisionResult result = evaluate(BATTERY_RECYCLING, 2_500_000_000L, 320, 30, 3);

    assertOutputs(result, new Expected("A", "P10D", true, PIP + "," + IC));
  }

  // ---------------------------------------------------------------------------------------------
  // Row by row: each case names the rule it must hit in the table under test
  // ---------------------------------------------------------------------------------------------

  /** Table «Приоритет заявки на локализацию» ({@code localisation-priority}). */
  static Stream<Case> priorityCases() {
    return Stream.of(
        c("Rule_Priority_BatteryRecycling", BATTERY_RECYCLING, 1_000_000L, 5, 0, 4, "A", "P10D", true, ""),
        c("Rule_Priority_BatteryRecycling", BATTERY_RECYCLING, 100_000_000L, 40, 0, 5, "A", "P10D", true, ""),
        c("Rule_Priority_BatteryManufacturing", BATTERY_MANUFACTURING, 50_000_000L, 20, 0, 4, "A", "P10D", false, TR),
        c("Rule_Priority_LargeInvestment", OTHER, 3_000_000_000L, 50, 0, 5, "A", "P10D", false, PIP),
        c("Rule_Priority_PriorityProjectScale", OTHER, 2_999_999_999L, 50, 0, 5, "B", "P20D", false, PIP),
        c("Rule_Priority_ManyJobs", ELEVATORS, 200_000_000L, 500, 0, 4, "A", "P10D", false, IC),
        c("Rule_Priority_HundredJobs", ELEVATORS, 200_000_000L, 499, 0, 4, "B", "P20D", false, IC),
        c("Rule_Priority_ExportingPriorityProject", MEDICAL_EQUIPMENT, 750_000_000L, 80, 50, 4, "A", "P10D", false, PIP + "," + TR),
        c("Rule_Priority_PriorityProjectScale", MEDICAL_EQUIPMENT, 750_000_000L, 80, 49, 4, "B", "P20D", false, PIP + "," + TR),
        c("Rule_Priority_ExportOriented", MEDICAL_EQUIPMENT, 749_999_999L, 80, 50, 4, "B", "P20D", false, TR),
        c("Rule_Priority_PriorityProjectScale", OTHER, 750_000_000L, 10, 0, 5, "B", "P20D", false, PIP),
        c("Rule_Priority_HundredJobs", OTHER, 50_000_000L, 100, 0, 4, "B", "P20D", false, IC),
        c("Rule_Priority_Standard", OTHER, 50_000_000L, 99, 0, 4, "C", "P30D", false, ""),
        c("Rule_Priority_ExportOriented", OTHER, 100_000_000L, 30, 50, 4, "B", "P20D", false, ""),
        c("Rule_Priority_Standard", OTHER, 99_999_999L, 30, 50, 4, "C", "P30D", false, ""),
        c("Rule_Priority_Standard", OTHER, 100_000_000L, 30, 49, 4, "C", "P30D", false, ""),
        c("Rule_Priority_TargetSector", BIOTECH, 300_000_000L, 40, 10, 4, "B", "P20D", false, TR),
        c("Rule_Priority_TargetSector", MEDICAL_EQUIPMENT, 300_000_000L, 40, 10, 3, "B", "P20D", true, ""),
        c("Rule_Priority_TargetSector", ELEVATORS, 300_000_000L, 40, 10, 4, "B", "P20D", false, ""),
        c("Rule_Priority_Standard", BIOTECH, 299_999_999L, 40, 10, 4, "C", "P30D", false, TR),
        c("Rule_Priority_Standard", OTHER, 300_000_000L, 40, 10, 4, "C", "P30D", false, ""),
        c("Rule_Priority_Standard", OTHER, 10_000_000L, 10, 0, 5, "C", "P30D", false, ""));
  }

  /** Table «Необходимость экологической экспертизы» ({@code environmental-review-requirement}). */
  static Stream<Case> environmentalReviewCases() {
    return Stream.of(
        c("Rule_Review_BatteryRecycling", BATTERY_RECYCLING, 10_000_000L, 10, 0, 5, "A", "P10D", true, ""),
        c("Rule_Review_BatteryRecycling", BATTERY_RECYCLING, 10_000_000L, 10, 0, 4, "A", "P10D", true, ""),
        c("Rule_Review_BatteryRecycling", BATTERY_RECYCLING, 10_000_000L, 10, 0, 1, "A", "P10D", true, ""),
        c("Rule_Review_Hazardous", OTHER, 10_000_000L, 10, 0, 1, "C", "P30D", true, ""),
        c("Rule_Review_Hazardous", OTHER, 10_000_000L, 10, 0, 2, "C", "P30D", true, ""),
        c("Rule_Review_Hazardous", OTHER, 10_000_000L, 10, 0, 3, "C", "P30D", true, ""),
        c("Rule_Review_Hazardous", BATTERY_MANUFACTURING, 10_000_000L, 10, 0, 3, "A", "P10D", true, ""),
        c("Rule_Review_NotRequired", OTHER, 10_000_000L, 10, 0, 4, "C", "P30D", false, ""),
        c("Rule_Review_NotRequired", BATTERY_MANUFACTURING, 10_000_000L, 10, 0, 4, "A", "P10D", false, TR),
        c("Rule_Review_NotRequired", ELEVATORS, 10_000_000L, 10, 0, 5, "C", "P30D", false, ""));
  }

  /** Table «Статусы города Москвы, доступные проекту» ({@code eligible-city-statuses}). */
  static Stream<Case> cityStatusesCases() {
    return Stream.of(
        c("Rule_Statuses_PriorityProjectAndIndustrialComplex", OTHER, 750_000_000L, 100, 0, 5, "B", "P20D", false, PIP + "," + IC),
        c("Rule_Statuses_IndustrialComplex", OTHER, 749_999_999L, 100, 0, 5, "B", "P20D", false, IC),
        c("Rule_Statuses_PriorityProject", OTHER, 750_000_000L, 99, 0, 5, "B", "P20D", false, PIP),
        c("Rule_Statuses_PriorityProjectAndTechnopark", BIOTECH, 750_000_000L, 99, 0, 4, "B", "P20D", false, PIP + "," + TR),
        c("Rule_Statuses_PriorityProjectAndTechnopark", BATTERY_MANUFACTURING, 1_000_000_000L, 50, 0, 5, "A", "P10D", false, PIP + "," + TR),
        c("Rule_Statuses_PriorityProject", BIOTECH, 750_000_000L, 99, 0, 3, "B", "P20D", true, PIP),
        c("Rule_Statuses_PriorityProjectAndIndustrialComplex", BIOTECH, 750_000_000L, 100, 0, 4, "B", "P20D", false, PIP + "," + IC),
        c("Rule_Statuses_PriorityProject", ELEVATORS, 1_000_000_000L, 50, 0, 4, "B", "P20D", false, PIP),
        c("Rule_Statuses_IndustrialComplex", OTHER, 100_000_000L, 150, 0, 3, "B", "P20D", true, IC),
        c("Rule_Statuses_IndustrialComplex", BIOTECH, 50_000_000L, 100, 0, 5, "B", "P20D", false, IC),
        c("Rule_Statuses_Technopark", MEDICAL_EQUIPMENT, 50_000_000L, 20, 0, 4, "C", "P30D", false, TR),
        c("Rule_Statuses_Technopark", BIOTECH, 749_999_999L, 99, 0, 5, "B", "P20D", false, TR),
        c("Rule_Statuses_None", MEDICAL_EQUIPMENT, 50_000_000L, 20, 0, 3, "C", "P30D", true, ""),
        c("Rule_Statuses_None", ELEVATORS, 50_000_000L, 20, 0, 5, "C", "P30D", false, ""),
        c("Rule_Statuses_None", BATTERY_RECYCLING, 50_000_000L, 20, 0, 4, "A", "P10D", true, ""),
        c("Rule_Statuses_None", OTHER, 10_000_000L, 10, 0, 5, "C", "P30D", false, ""));
  }

  @Nested
  class PriorityTable {
    @ParameterizedTest
    @MethodSource("ru.mos.localisation.decision.LocalisationPriorityDecisionTests#priorityCases")
    void hitsTheExpectedRule(Case c) {
      assertCase(PRIORITY_DECISION, c);
    }
  }

  @Nested
  class EnvironmentalReviewTable {
    @ParameterizedTest
    @MethodSource("ru.mos.localisation.decision.LocalisationPriorityDecisionTests#environmentalReviewCases")
    void hitsTheExpectedRule(Case c) {
      assertCase(REVIEW_DECISION, c);
    }
  }

  @Nested
  class CityStatusesTable {
    @ParameterizedTest
    @MethodSource("ru.mos.localisation.decision.LocalisationPriorityDecisionTests#cityStatusesCases")
    void hitsTheExpectedRule(Case c) {
      assertCase(STATUSES_DECISION, c);
    }
  }

  /** Guards the row-by-row tests: a rule added to the model without a case fails here. */
  @Test
  void theCasesHitEveryRuleOfEveryTable() {
    Set<String> hit = new HashSet<>();
    Stream.of(priorityCases(), environmentalReviewCases(), cityStatusesCases())
        .flatMap(cases -> cases)
        .forEach(
            c -> {
              evaluate(c);
              matchedRules.values().forEach(hit::addAll);
            });

    Set<String> allRules =
        model.getModelElementsByType(Rule.class).stream().map(Rule::getId).collect(Collectors.toSet());
    assertThat(hit).containsExactlyInAnyOrderElementsOf(allRules);
  }

  // ---------------------------------------------------------------------------------------------
  // Always exactly one result, whatever the request
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyRequestGetsExactlyOneConsistentResult() {
    long[] amounts = {1L, 99_999_999L, 300_000_000L, 750_000_000L, 3_000_000_000L, 10_000_000_000_000L};
    int[] jobs = {0, 100, 500};
    int[] exportShares = {0, 50};
    Set<String> knownStatuses = Set.of(PIP, IC, TR);
    int evaluations = 0;

    for (Sector sector : Sector.values()) {
      for (long amount : amounts) {
        for (int plannedJobs : jobs) {
          for (int exportShare : exportShares) {
            for (int hazardClass = 1; hazardClass <= 5; hazardClass++) {
              String request = "%s, %d RUB, %d jobs, %d%% export, hazard class %d"
                  .formatted(sector, amount, plannedJobs, exportShare, hazardClass);
              DmnDecisionResult result = evaluate(sector, amount, plannedJobs, exportShare, hazardClass);
              evaluations++;

              assertThat(result).as(request).hasSize(1);
              String priority = result.getSingleResult().getEntry(PRIORITY);
              String deadline = result.getSingleResult().getEntry(ASSESSMENT_DEADLINE);
              Boolean reviewRequired = result.getSingleResult().getEntry(ENVIRONMENTAL_REVIEW_REQUIRED);
              String statuses = result.getSingleResult().getEntry(ELIGIBLE_STATUSES);

              assertThat(priority).as(request).isIn("A", "B", "C");
              assertThat(deadline).as(request).isEqualTo(Map.of("A", "P10D", "B", "P20D", "C", "P30D").get(priority));
              assertThat(Period.parse(deadline).getDays()).as(request).isPositive();
              assertThat(reviewRequired).as(request).isEqualTo(sector == BATTERY_RECYCLING || hazardClass <= 3);
              assertThat(statuses).as(request).isNotNull();
              if (!statuses.isEmpty()) {
                List<String> codes = Arrays.asList(statuses.split(",", -1));
                assertThat(codes).as(request).doesNotHaveDuplicates().isSubsetOf(knownStatuses);
              }
              if (sector == BATTERY_RECYCLING || sector == BATTERY_MANUFACTURING) {
                assertThat(priority).as(request).isEqualTo("A");
              }
            }
          }
        }
      }
    }
    assertThat(evaluations).isEqualTo(Sector.values().length * amounts.length * jobs.length * exportShares.length * 5);
  }

  // ---------------------------------------------------------------------------------------------
  // What the process may hand over
  // ---------------------------------------------------------------------------------------------

  @Test
  void acceptsNumbersOfOtherIntegerTypes() {
    // engine REST clients may send a small amount as Integer and a count as Long
    VariableMap variables =
        Variables.createVariables()
            .putValue(SECTOR, "BATTERY_RECYCLING")
            .putValue(INVESTMENT_RUB, 2_000_000_000)
            .putValue(PLANNED_JOBS, 320L)
            .putValue(EXPORT_SHARE_PERCENT, 30L)
            .putValue(HAZARD_CLASS, 3L);

    assertOutputs(
        engine.evaluateDecision(decisions.get(PRIORITY_DECISION), variables),
        new Expected("A", "P10D", true, PIP + "," + IC));
  }

  @Test
  void requiredDecisionsWinOverStaleProcessVariablesOfTheSameName() {
    // variables left from an earlier evaluation must not mask the required decisions' results
    VariableMap variables =
        requestVariables(BATTERY_RECYCLING, 2_500_000_000L, 320, 30, 3)
            .putValue(ENVIRONMENTAL_REVIEW_REQUIRED, false)
            .putValue(ELIGIBLE_STATUSES, "stale");

    assertOutputs(
        engine.evaluateDecision(decisions.get(PRIORITY_DECISION), variables),
        new Expected("A", "P10D", true, PIP + "," + IC));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  record Expected(String priority, String assessmentDeadline, boolean environmentalReviewRequired, String eligibleStatuses) {}

  record Case(String rule, Sector sector, long investmentRub, int plannedJobs, int exportSharePercent, int hazardClass, Expected expected) {
    @Override
    public String toString() {
      return "%s ← %s, %,d RUB, %d jobs, %d%% export, hazard class %d"
          .formatted(rule, sector, investmentRub, plannedJobs, exportSharePercent, hazardClass);
    }
  }

  static Case c(String rule, Sector sector, long investmentRub, int plannedJobs, int exportSharePercent, int hazardClass,
      String priority, String deadline, boolean reviewRequired, String statuses) {
    return new Case(rule, sector, investmentRub, plannedJobs, exportSharePercent, hazardClass,
        new Expected(priority, deadline, reviewRequired, statuses));
  }

  static void assertCase(String table, Case c) {
    DmnDecisionResult result = evaluate(c);

    assertThat(matchedRules.get(table)).as("rules matched in %s", table).containsExactly(c.rule());
    assertOutputs(result, c.expected());
  }

  static void assertOutputs(DmnDecisionResult result, Expected expected) {
    assertThat(result).hasSize(1);
    Map<String, Object> outputs = result.getSingleResult().getEntryMap();
    assertThat(outputs)
        .containsEntry(PRIORITY, expected.priority())
        .containsEntry(ASSESSMENT_DEADLINE, expected.assessmentDeadline())
        .containsEntry(ENVIRONMENTAL_REVIEW_REQUIRED, expected.environmentalReviewRequired())
        .containsEntry(ELIGIBLE_STATUSES, expected.eligibleStatuses());
  }

  static DmnDecisionResult evaluate(Case c) {
    return evaluate(c.sector(), c.investmentRub(), c.plannedJobs(), c.exportSharePercent(), c.hazardClass());
  }

  static DmnDecisionResult evaluate(Sector sector, long investmentRub, int plannedJobs, int exportSharePercent, int hazardClass) {
    return engine.evaluateDecision(
        decisions.get(PRIORITY_DECISION),
        requestVariables(sector, investmentRub, plannedJobs, exportSharePercent, hazardClass));
  }

  /** The variables as the process holds them: sector as String, amount as Long, the rest Integer. */
  static VariableMap requestVariables(Sector sector, long investmentRub, int plannedJobs, int exportSharePercent, int hazardClass) {
    return Variables.createVariables()
        .putValue(SECTOR, sector.name())
        .putValue(INVESTMENT_RUB, investmentRub)
        .putValue(PLANNED_JOBS, plannedJobs)
        .putValue(EXPORT_SHARE_PERCENT, exportSharePercent)
        .putValue(HAZARD_CLASS, hazardClass);
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    List<String> ruleIds =
        ((DmnDecisionTableEvaluationEvent) event).getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    matchedRules.put(event.getDecision().getKey(), ruleIds);
  }

  private static InputStream resource() {
    InputStream dmn = LocalisationPriorityDecisionTests.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(dmn).as(RESOURCE + " on the classpath").isNotNull();
    return dmn;
  }
}
