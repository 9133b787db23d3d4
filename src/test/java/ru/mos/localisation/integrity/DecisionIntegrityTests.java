package ru.mos.localisation.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_REVIEW_REQUIRED;
import static ru.mos.localisation.decision.DecisionVariables.EXPORT_SUPPORT_REQUESTED;
import static ru.mos.localisation.decision.DecisionVariables.HAZARD_CLASS;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.decision.DecisionVariables.SECTOR;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.integrity.EngineDoors.Door;
import ru.mos.localisation.integrity.EngineDoors.Reply;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.request.RequestStatus;

/**
 * The attack catalogue of the integrity issue: every way found to forge, skip or divert a
 * decision through Camunda's own API, tried through both HTTP doors to the engine. Each test
 * asserts the refusal and that the request's process, variables, registry and history are as
 * before. (The Tasklist forms use the webapp door.)
 */
@ApplicationTest
class DecisionIntegrityTests {

  private static final String ADMIN = "admin";
  private static final String OFFICER = "investment.officer";
  private static final String COMPLIANCE = "compliance.officer";
  private static final String BLOCKED_INVESTOR = "Blocked Holdings Ltd";

  @Autowired ProcessEngine processEngine;
  @Autowired IntakeService intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RequestRegistry registry;
  @Autowired SiteRegistry siteRegistry;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private EngineDoors doors;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void openDoors() {
    doors = new EngineDoors(port, processEngine.getName());
  }

  @AfterEach
  void stopRequests() {
    started.stream()
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtimeService.deleteProcessInstance(id, "test finished"));
  }

  // --- 1. starting midway ---------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void startingAtTheApprovalWithAnExistingRegistryNumberIsRefusedAndTheRequestIsUntouched(Door door) {
    Task assessment = waitingForAssessment();
    String number = numberOf(assessment);

    for (String activity : List.of("Task_ApproveRequest", "Task_RejectRequest")) {
      Reply reply =
          doors.call(door, OFFICER, "POST", "/process-definition/key/" + PROCESS_KEY + "/start", """
              {"businessKey": "%s",
               "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}
              """.formatted(number, activity));

      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.message()).contains("startInstructions", "businessKey");
    }
    assertUntouched(number, assessment);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void eachStartOptionThatSkipsTheStartEventIsRefusedAndStartsNothing(Door door) {
    String request = requestVariable();
    Map<String, String> options =
        Map.of(
            "startInstructions", "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_AssessRequest\"}]",
            "skipCustomListeners", "\"skipCustomListeners\": true",
            "skipIoMappings", "\"skipIoMappings\": true",
            "businessKey", "\"businessKey\": \"LOC-2026-99999\"");
    long before = instances();

    options.forEach(
        (option, json) -> {
          Reply reply =
              doors.call(door, ADMIN, "POST", "/process-definition/key/" + PROCESS_KEY + "/start",
                  "{%s, \"variables\": %s}".formatted(json, request));
          assertThat(reply.status()).as(option + ": " + reply).isEqualTo(400);
          // the engine itself refuses skipping at the start event, in its own words
          assertThat(reply.message()).as(option).containsAnyOf(option, "skip custom listeners or input/output mappings");
        });
    assertThat(instances()).isEqualTo(before);
    assertThat(registry.find("LOC-2026-99999")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aStartThatSetsMoreThanTheRequestIsRefusedNamingTheVariable(Door door) {
    long before = instances();

    Reply reply =
        doors.call(door, OFFICER, "POST", "/process-definition/key/" + PROCESS_KEY + "/start", """
            {"variables": {"request": %s, "submittedBy": {"value": "investor", "type": "String"}}}
            """.formatted(requestValue()));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.message()).contains("submittedBy: is not a field");
    assertThat(instances()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aStartFormSubmissionWithABusinessKeyOrAForeignVariableIsRefused(Door door) {
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
    long before = instances();

    Reply withKey =
        doors.call(door, OFFICER, "POST", "/process-definition/" + definitionId + "/submit-form",
            "{\"businessKey\": \"LOC-2026-99998\", \"variables\": {}}");
    Reply withForeign =
        doors.call(door, OFFICER, "POST", "/process-definition/" + definitionId + "/submit-form",
            "{\"variables\": {\"environmentalReviewRequired\": {\"value\": false, \"type\": \"Boolean\"}}}");

    assertThat(withKey.status()).as(withKey.toString()).isEqualTo(400);
    assertThat(withKey.message()).contains("businessKey");
    assertThat(withForeign.status()).as(withForeign.toString()).isEqualTo(400);
    assertThat(withForeign.message()).contains(ENVIRONMENTAL_REVIEW_REQUIRED);
    assertThat(instances()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theSiteAllocationIsNeverStartedByAUser(Door door) {
    Reply reply =
        doors.call(door, ADMIN, "POST", "/process-definition/key/" + SITE_ALLOCATION_PROCESS_KEY + "/start",
            "{\"variables\": {}}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SITE_ALLOCATION_PROCESS_KEY).count()).isZero();
  }

  // --- 2. rewriting what routes the process ----------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void completingTheAssessmentWithRoutingVariablesIsRefusedNamingThem(Door door) {
    Task assessment = waitingForAssessment();
    String number = numberOf(assessment);

    for (String action : List.of("/complete", "/submit-form")) {
      Reply reply =
          doors.call(door, OFFICER, "POST", "/task/" + assessment.getId() + action, """
              {"variables": {
                "assessmentDecision": {"value": "PROCEED", "type": "String"},
                "environmentalReviewRequired": {"value": false, "type": "Boolean"},
                "exportSupportRequested": {"value": false, "type": "Boolean"}}}
              """);

      assertThat(reply.status()).as(action + ": " + reply).isEqualTo(400);
      assertThat(reply.message()).contains(ENVIRONMENTAL_REVIEW_REQUIRED, EXPORT_SUPPORT_REQUESTED);
    }
    assertUntouched(number, assessment);
    assertThat(runtimeService.getVariable(assessment.getProcessInstanceId(), ENVIRONMENTAL_REVIEW_REQUIRED)).isEqualTo(true);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void anotherGroupsOfficialIsRefusedAsTheEngineRefusesThemAndLearnsNothingOfTheTask(Door door) {
    Task assessment = waitingForAssessment();

    Reply reply =
        doors.call(door, COMPLIANCE, "POST", "/task/" + assessment.getId() + "/complete", """
            {"variables": {"assessmentDecision": {"value": "PROCEED", "type": "String"},
                           "environmentalReviewRequired": {"value": false, "type": "Boolean"}}}
            """);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.type()).isEqualTo("AuthorizationException");
    assertThat(reply.message()).doesNotContain("Оценить заявку", ENVIRONMENTAL_REVIEW_REQUIRED);
    assertUntouched(numberOf(assessment), assessment);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void completingTheAssessmentWithItsOwnFieldsStillWorks(Door door) {
    Task assessment = waitingForAssessment();

    Reply reply =
        doors.call(door, OFFICER, "POST", "/task/" + assessment.getId() + "/complete", """
            {"variables": {"assessmentDecision": {"value": "PROCEED", "type": "String"},
                           "assessmentComment": {"value": "Проект соответствует", "type": "String"}}}
            """);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    assertThat(openTaskKeys(assessment.getProcessInstanceId())).containsExactly("Task_ReviewEnvironmentalImpact");
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aDecisionHeldInASerializedObjectIsRefused(Door door) {
    Task assessment = waitingForAssessment();

    Reply reply =
        doors.call(door, OFFICER, "POST", "/task/" + assessment.getId() + "/complete", """
            {"variables": {"assessmentDecision": {"value": "PROCEED", "type": "String"},
              "assessmentComment": {"value": "{}", "type": "Object",
                "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/json"}}}}
            """);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.message()).contains("assessmentComment");
    assertUntouched(numberOf(assessment), assessment);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aRefusedDecisionIsRussianWithoutIdsInTasklistAndNamesTheFieldForPrograms(Door door) {
    Task assessment = waitingForAssessment();

    Reply reply =
        doors.call(door, OFFICER, "POST", "/task/" + assessment.getId() + "/complete",
            "{\"variables\": {\"assessmentDecision\": {\"value\": \"MAYBE\", \"type\": \"String\"}}}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    if (door == Door.WEBAPP) {
      // what Tasklist shows the official
      assertThat(reply.message()).isEqualTo("Выберите решение из предложенных в форме.");
    } else {
      assertThat(reply.message()).isEqualTo("Invalid input: assessmentDecision: Выберите решение из предложенных в форме.");
    }
    assertUntouched(numberOf(assessment), assessment);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void complianceCannotRewriteTheSectorAndHazardClassWhileClearingAHit(Door door) {
    Task hit = waitingForComplianceReview();
    String instance = hit.getProcessInstanceId();

    Reply reply =
        doors.call(door, COMPLIANCE, "POST", "/task/" + hit.getId() + "/complete", """
            {"variables": {"screeningDecision": {"value": "CLEAR", "type": "String"},
                           "sector": {"value": "ELEVATORS", "type": "String"},
                           "hazardClass": {"value": 5, "type": "Integer"}}}
            """);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.message()).contains(SECTOR, HAZARD_CLASS);
    assertThat(openTaskKeys(instance)).containsExactly("Task_ReviewScreeningHit");
    assertThat(runtimeService.getVariable(instance, SECTOR)).isEqualTo("BATTERY_RECYCLING");
    assertThat(runtimeService.getVariable(instance, HAZARD_CLASS)).isEqualTo(3);

    // cleared with its own field, the decision still sees a class-3 recycling plant
    Reply cleared =
        doors.call(door, COMPLIANCE, "POST", "/task/" + hit.getId() + "/complete",
            "{\"variables\": {\"screeningDecision\": {\"value\": \"CLEAR\", \"type\": \"String\"},"
                + " \"screeningReason\": {\"value\": \"Другое лицо\", \"type\": \"String\"}}}");
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, ENVIRONMENTAL_REVIEW_REQUIRED)).isEqualTo(true);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void variablesCannotBeWrittenOrRemovedOutsideACompletion(Door door) {
    Task assessment = waitingForAssessment();
    String task = "/task/" + assessment.getId();
    String instance = "/process-instance/" + assessment.getProcessInstanceId();
    String execution = "/execution/" + assessment.getExecutionId();
    String falseValue = "{\"value\": false, \"type\": \"Boolean\"}";
    String modification = "{\"modifications\": {\"environmentalReviewRequired\": " + falseValue + "}}";
    Map<String, Call> attempts =
        Map.of(
            "task variable", new Call("PUT", task + "/variables/environmentalReviewRequired", falseValue),
            "task variables", new Call("POST", task + "/variables", modification),
            "task-local variable", new Call("PUT", task + "/localVariables/assessmentDecision", "{\"value\": \"PROCEED\", \"type\": \"String\"}"),
            "task variable removed", new Call("DELETE", task + "/variables/sector", null),
            "process variable", new Call("PUT", instance + "/variables/environmentalReviewRequired", falseValue),
            "process variables", new Call("POST", instance + "/variables", modification),
            "process variable removed", new Call("DELETE", instance + "/variables/hazardClass", null),
            "execution-local variable", new Call("PUT", execution + "/localVariables/environmentalReviewRequired", falseValue));

    assertEachRefused(door, OFFICER, attempts);
    assertEachRefused(door, ADMIN, attempts);
    assertUntouched(numberOf(assessment), assessment);
    assertThat(runtimeService.getVariables(assessment.getProcessInstanceId()))
        .containsEntry(ENVIRONMENTAL_REVIEW_REQUIRED, true)
        .containsEntry(SECTOR, "BATTERY_RECYCLING")
        .containsEntry(HAZARD_CLASS, 3)
        .doesNotContainKey(ASSESSMENT_DECISION);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theCourseOfARequestCannotBeDivertedThroughTheEnginesSideDoors(Door door) {
    Task assessment = waitingForAssessment();
    String instanceId = assessment.getProcessInstanceId();
    String timer = managementService.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId();
    Map<String, Call> attempts =
        Map.of(
            "modification", new Call("POST", "/process-instance/" + instanceId + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_ApproveRequest"}]}"""),
            "asynchronous modification", new Call("POST", "/process-instance/" + instanceId + "/modification-async", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_ApproveRequest"}]}"""),
            "investor's message", new Call("POST", "/message", """
                {"messageName": "RequestWithdrawn", "businessKey": "%s"}""".formatted(numberOf(assessment))),
            "signal", new Call("POST", "/signal", "{\"name\": \"anything\"}"),
            "BPMN error from the task", new Call("POST", "/task/" + assessment.getId() + "/bpmnError", "{\"errorCode\": \"x\"}"),
            "escalation from the task", new Call("POST", "/task/" + assessment.getId() + "/bpmnEscalation", "{\"escalationCode\": \"x\"}"),
            "deadline moved", new Call("PUT", "/job/" + timer + "/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}"),
            "deadline deleted", new Call("DELETE", "/job/" + timer, null),
            "deadline run early", new Call("POST", "/job/" + timer + "/execute", null));

    assertEachRefused(door, ADMIN, attempts);
    assertUntouched(numberOf(assessment), assessment);
    assertThat(managementService.createJobQuery().jobId(timer).singleResult().getDuedate())
        .isAfter(new Date());
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_HandleOverdueAssessment").count())
        .as("no escalation before the deadline").isZero();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aStepThatIsDueMayStillBeRunByHand(Door door) {
    String number = intake.submit(TestRequests.recyclingPlant(reference()), "investor").request().number();
    String instanceId = instanceOf(number).getId();
    started.add(instanceId);
    String screening = managementService.createJobQuery().processInstanceId(instanceId).activityId("Task_ScreenInvestor").singleResult().getId();

    Reply reply = doors.call(door, ADMIN, "POST", "/job/" + screening + "/execute", null);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    assertThat(openTaskKeys(instanceId)).containsExactly("Task_AssessRequest");
  }

  // --- 3. deployments ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void deploymentsAreOffUnlessAnOperatorSwitchesThemOn(Door door) {
    String deploymentId = repositoryService.createDeploymentQuery().list().get(0).getId();
    long deployments = repositoryService.createDeploymentQuery().count();

    String name = "probe-" + door.name().toLowerCase().replace('_', '-');
    String model =
        Bpmn.convertToString(Bpmn.createExecutableProcess(name).camundaHistoryTimeToLive(1).startEvent().endEvent().done());

    Reply deployment = doors.deploy(door, ADMIN, name, model);
    Reply deletion = doors.call(door, ADMIN, "DELETE", "/deployment/" + deploymentId + "?cascade=true", null);

    assertThat(deployment.status()).as(deployment.toString()).isEqualTo(403);
    assertThat(deployment.message()).contains("localisation.integrity.deployments-enabled");
    assertThat(deletion.status()).as(deletion.toString()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(name).count()).isZero();
  }

  // --- 8. however an instance ends, the registry stays true --------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aRequestCancelledInCockpitIsCancelledInTheRegistryItsSiteReleasedAndItsInvestorTold(Door door) {
    String number = waitingForTheInvestorsAnswerToASiteOffer();
    String site = reservedSite(number);
    ProcessInstance instance = instanceOf(number);

    Reply reply =
        doors.call(door, ADMIN, "DELETE",
            "/process-instance/" + instance.getId() + "?skipCustomListeners=true&skipIoMappings=true", null);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    LocalisationRequest request = registry.get(number);
    assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(siteStatus(site)).isEqualTo("AVAILABLE");
    assertThat(notificationTypes(number)).contains("CANCELLED");
    assertThat(registry.timeline(number)).anySatisfy(entry -> assertThat(entry.toString()).contains("CANCELLED", ADMIN));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theSiteAllocationAloneCannotBeCancelledNorLeftBehind(Door door) {
    String number = waitingForTheInvestorsAnswerToASiteOffer();
    ProcessInstance request = instanceOf(number);
    ProcessInstance allocation =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();

    Reply alone = doors.call(door, ADMIN, "DELETE", "/process-instance/" + allocation.getId(), null);
    Reply leftBehind =
        doors.call(door, ADMIN, "DELETE", "/process-instance/" + request.getId() + "?skipSubprocesses=true", null);

    assertThat(alone.status()).as(alone.toString()).isEqualTo(400);
    assertThat(alone.message()).contains(number);
    assertThat(leftBehind.status()).as(leftBehind.toString()).isEqualTo(400);
    assertThat(leftBehind.message()).contains("skipSubprocesses");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(allocation.getId()).count()).isOne();
    assertThat(registry.get(number).status()).isEqualTo(RequestStatus.IN_PROGRESS);
  }

  @Test
  void aRequestThatReachedItsOutcomeKeepsIt() {
    Task assessment = waitingForAssessment();
    String number = numberOf(assessment);
    taskService.complete(assessment.getId(), Map.of(ASSESSMENT_DECISION, "REJECT"));

    assertThat(registry.get(number).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(notificationTypes(number)).doesNotContain("CANCELLED");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A call to the engine's REST API: method, path below the engine, JSON body or none. */
  private record Call(String method, String path, String json) {}

  /** Each call, made by the user through the door, is refused with 403. */
  private void assertEachRefused(Door door, String user, Map<String, Call> attempts) {
    attempts.forEach(
        (name, call) -> {
          Reply reply = doors.call(door, user, call.method(), call.path(), call.json());
          assertThat(reply.status()).as("%s by %s: %s", name, user, reply).isEqualTo(403);
        });
  }

  private Task waitingForAssessment() {
    return startAndScreen(TestRequests.recyclingPlant(reference()), "Task_AssessRequest");
  }

  private Task waitingForComplianceReview() {
    return startAndScreen(
        TestRequests.recyclingPlant(reference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS),
        "Task_ReviewScreeningHit");
  }

  /** Through assessment and environmental review to a reserved site offered to the investor. */
  private String waitingForTheInvestorsAnswerToASiteOffer() {
    Task assessment = waitingForAssessment();
    String number = numberOf(assessment);
    taskService.complete(assessment.getId(), Map.of(ASSESSMENT_DECISION, "PROCEED"));
    taskService.complete(openTask(assessment.getProcessInstanceId(), "Task_ReviewEnvironmentalImpact").getId(),
        Map.of(ENVIRONMENTAL_DECISION, "APPROVE"));
    Task selectSite = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_SelectSite").singleResult();
    taskService.complete(selectSite.getId(), Map.of(SELECTED_SITE_ID, siteRegistry.candidates(number).get(0)));
    assertThat(reservedSite(number)).isNotNull();
    return number;
  }

  private Task startAndScreen(NewLocalisationRequest request, String taskKey) {
    String number = intake.submit(request, "investor").request().number();
    String instanceId = instanceOf(number).getId();
    started.add(instanceId);
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instanceId).activityId("Task_ScreenInvestor").singleResult().getId());
    return openTask(instanceId, taskKey);
  }

  private Task openTask(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
  }

  private ProcessInstance instanceOf(String number) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(number).singleResult();
  }

  private String numberOf(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
  }

  private List<String> openTaskKeys(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).list().stream().map(Task::getTaskDefinitionKey).toList();
  }

  private long instances() {
    return historyService.createHistoricProcessInstanceQuery().count();
  }

  /** The request still waits where it waited, in one instance, in progress, with nothing decided. */
  private void assertUntouched(String number, Task waiting) {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
    assertThat(taskService.createTaskQuery().taskId(waiting.getId()).count()).as("task still open").isOne();
    assertThat(openTaskKeys(waiting.getProcessInstanceId())).containsExactly(waiting.getTaskDefinitionKey());
    LocalisationRequest request = registry.get(number);
    assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    assertThat(request.agreementNumber()).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(waiting.getProcessInstanceId())
            .activityId("Task_ApproveRequest").count()).isZero();
  }

  private String reservedSite(String number) {
    return jdbc.sql("SELECT id FROM industrial_site WHERE request_number = ? AND status = 'RESERVED'")
        .param(number).query(String.class).optional().orElse(null);
  }

  private String siteStatus(String site) {
    return jdbc.sql("SELECT status FROM industrial_site WHERE id = ?").param(site).query(String.class).single();
  }

  private List<String> notificationTypes(String number) {
    return jdbc.sql("SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id")
        .param(number).query(String.class).list();
  }

  private static String requestValue() {
    return "{\"value\": %s, \"type\": \"Json\"}".formatted(quoted(TestRequests.recyclingPlantJson(reference())));
  }

  private static String requestVariable() {
    return "{\"request\": " + requestValue() + "}";
  }

  /** The JSON text as a JSON string, as Camunda's clients send a Json variable's value. */
  private static String quoted(String json) {
    return TextNode.valueOf(json).toString();
  }

  private static String reference() {
    return "INTEGRITY-" + UUID.randomUUID();
  }
}
