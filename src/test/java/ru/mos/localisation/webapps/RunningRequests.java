package ru.mos.localisation.webapps;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.process.ProcessVariables;

/**
 * Requests the tests of this package look at through officials' eyes: started as the investor API
 * starts them, screened, and stopped again after each test. Also logs officials in and out of the
 * engine as the webapps do.
 */
class RunningRequests {

  static final String BLOCKED_INVESTOR = "Blocked Holdings Ltd";

  private final IntakeService intake;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final List<String> started = new ArrayList<>();

  RunningRequests(
      IntakeService intake,
      RuntimeService runtimeService,
      ManagementService managementService,
      TaskService taskService,
      IdentityService identityService) {
    this.intake = intake;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** A complete recycling request, screened and waiting at Task_AssessRequest (investment-department). */
  Task waitingForAssessment() {
    return startAndScreen(TestRequests.recyclingPlant(reference()), "Task_AssessRequest");
  }

  /** A request of the blocked investor, waiting at Task_ReviewScreeningHit (compliance). */
  Task waitingForComplianceReview() {
    return startAndScreen(
        TestRequests.recyclingPlant(reference(), BLOCKED_INVESTOR, TestRequests.ALL_RECYCLING_DOCUMENTS),
        "Task_ReviewScreeningHit");
  }

  /** The screening job of a request, still before screening. */
  Job screeningJob(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Task_ScreenInvestor").singleResult();
  }

  private Task startAndScreen(ru.mos.localisation.intake.NewLocalisationRequest request, String taskKey) {
    ProcessInstance instance = start(request);
    managementService.executeJob(screeningJob(instance.getId()).getId());
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** A complete recycling request, waiting for its screening job. */
  ProcessInstance beforeScreening() {
    return start(TestRequests.recyclingPlant(reference()));
  }

  private ProcessInstance start(ru.mos.localisation.intake.NewLocalisationRequest request) {
    String number = intake.submit(request, "investor").request().number();
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(ProcessVariables.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    started.add(instance.getId());
    return instance;
  }

  /** Authenticates the user with the groups they belong to, as the webapps and the REST API do. */
  void logIn(String userId) {
    identityService.clearAuthentication();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }

  void logOut() {
    identityService.clearAuthentication();
  }

  /** Logs out and stops every request this test started. */
  void cleanUp() {
    logOut();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test finished", true);
      }
    }
    started.clear();
  }

  private static String reference() {
    return "TASKLIST-" + UUID.randomUUID();
  }
}
