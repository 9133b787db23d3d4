package ru.mos.localisation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import ru.mos.localisation.intake.StartFormFields;
import ru.mos.localisation.integrity.TaskFields;

/**
 * The inputs of every task form are exactly the task variables of the product's contract, so an
 * official's decision reaches the gateway that reads it. Plain test on the model files.
 */
class FormContractTests {

  /**
   * Task → the variables its completion sets (PRODUCT.md §8, "Task variables"; the compliance
   * officer's reason is issue 14's).
   */
  private static final Map<String, Set<String>> CONTRACT =
      Map.of(
          "Task_ConfirmMissingDocuments", Set.of("missingDocumentsConfirmed", "paperOriginals"),
          "Task_ReviewScreeningHit", Set.of("screeningDecision", "screeningReason"),
          "Task_AssessRequest", Set.of("assessmentDecision", "assessmentComment"),
          "Task_HandleOverdueAssessment", Set.of("escalationNote"),
          "Task_ReviewEnvironmentalImpact", Set.of("environmentalDecision", "environmentalConditions"),
          "Task_PrepareSupportPackage", Set.of("supportMeasures", "personnelExchangePlan"),
          "Task_SelectSite", Set.of("selectedSiteId"),
          "Task_DecideWithoutSite", Set.of("noSiteDecision"),
          "Task_DecideFinalApproval", Set.of("finalDecision", "finalComment"));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyTaskFormBindsExactlyTheContractsVariables() throws IOException {
    Set<String> tasksSeen = new HashSet<>();
    for (String model : new String[] {"bpmn/localisation-request.bpmn", "bpmn/site-allocation.bpmn"}) {
      for (UserTask task : load(model).getModelElementsByType(UserTask.class)) {
        JsonNode form = form(task.getCamundaFormRef());
        assertThat(inputKeys(form)).as("inputs of the form of %s", task.getId()).isEqualTo(CONTRACT.get(task.getId()));
        tasksSeen.add(task.getId());
      }
    }
    assertThat(tasksSeen).isEqualTo(CONTRACT.keySet());
  }

  @Test
  void theEngineAllowsEachTaskExactlyTheContractsVariables() {
    assertThat(TaskFields.all()).isEqualTo(CONTRACT);
  }

  @Test
  void startFormAsksForEveryFieldOfTheRequest() throws IOException {
    assertThat(load("bpmn/localisation-request.bpmn").getModelElementsByType(StartEvent.class))
        .anySatisfy(start -> assertThat(start.getCamundaFormRef()).isEqualTo("start-request"));
    assertThat(inputKeys(form("start-request")))
        .containsExactlyInAnyOrderElementsOf(StartFormFields.NAMES);
  }

  @Test
  void radioDecisionsOfferOnlyTheContractsValues() throws IOException {
    assertThat(values(form("assess-request"), "assessmentDecision")).containsExactlyInAnyOrder("PROCEED", "REJECT");
    assertThat(values(form("review-screening-hit"), "screeningDecision")).containsExactlyInAnyOrder("CLEAR", "CONFIRM");
    assertThat(values(form("review-environmental-impact"), "environmentalDecision")).containsExactlyInAnyOrder("APPROVE", "REJECT");
    assertThat(values(form("decide-without-site"), "noSiteDecision")).containsExactlyInAnyOrder("WAIT", "REJECT");
    assertThat(values(form("decide-final-approval"), "finalDecision")).containsExactlyInAnyOrder("APPROVE", "REJECT");
    assertThat(values(form("prepare-support-package"), "supportMeasures"))
        .containsExactlyInAnyOrder("TRADE_MISSION", "FAIR_PARTICIPATION", "CERTIFICATION", "EXPORT_CREDIT");
  }

  private static BpmnModelInstance load(String resource) {
    return Bpmn.readModelFromStream(FormContractTests.class.getClassLoader().getResourceAsStream(resource));
  }

  private JsonNode form(String id) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/forms/" + id + ".form")) {
      assertThat(in).as("form %s", id).isNotNull();
      JsonNode form = json.readTree(in);
      assertThat(form.path("id").asText()).isEqualTo(id);
      return form;
    }
  }

  /** The keys an official fills in: every keyed component that is not read-only. */
  private static Set<String> inputKeys(JsonNode form) {
    Set<String> keys = new HashSet<>();
    components(form).filter(c -> c.hasNonNull("key") && !c.path("disabled").asBoolean(false))
        .forEach(c -> keys.add(c.get("key").asText()));
    return keys;
  }

  private static Set<String> values(JsonNode form, String key) {
    Set<String> values = new HashSet<>();
    components(form).filter(c -> key.equals(c.path("key").asText()))
        .forEach(c -> c.path("values").forEach(v -> values.add(v.get("value").asText())));
    return values;
  }

  private static Stream<JsonNode> components(JsonNode form) {
    Stream.Builder<JsonNode> all = Stream.builder();
    form.path("components").forEach(all::add);
    return all.build();
  }
}
