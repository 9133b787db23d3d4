package ru.mos.localisation.supervision;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.process.ProcessVariables;

/**
 * Requests the supervision tests look at: filed as the investor API files them (under an investor
 * name of the test's own, so that a search finds exactly them in the shared database), screened,
 * and either left waiting for the assessment or rejected there by {@code investment.officer} with
 * a comment.
 */
final class SupervisedRequests {

  static final String OFFICER = "investment.officer";
  static final String COMMENT = "Проект не соответствует приоритетам города";

  private final IntakeService intake;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final IdentityService identityService;

  SupervisedRequests(
      IntakeService intake, RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      IdentityService identityService) {
    this.intake = intake;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** An investor's name no other test uses. */
  static String uniqueInvestor() {
    return "Supervised Investor " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A request screened and waiting for the investment department's assessment; its registry number. */
  String waitingForAssessment(String investorName) {
    return numberOf(assessment(investorName));
  }

  /** A request the investment officer rejected at the assessment, with a comment; its registry number. */
  String rejectedAtAssessment(String investorName) {
    Task task = assessment(investorName);
    String number = numberOf(task);
    logIn(OFFICER);
    try {
      taskService.createComment(task.getId(), task.getProcessInstanceId(), COMMENT);
      taskService.claim(task.getId(), OFFICER);
      taskService.complete(task.getId(), Map.of("assessmentDecision", "REJECT", "assessmentComment", COMMENT));
    } finally {
      identityService.clearAuthentication();
    }
    return number;
  }

  private Task assessment(String investorName) {
    String number =
        intake.submit(TestRequests.recyclingPlant("SUPERVISION-" + UUID.randomUUID(), investorName, TestRequests.ALL_RECYCLING_DOCUMENTS), "investor")
            .request()
            .number();
    ProcessInstance instance =
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).processInstanceBusinessKey(number).singleResult();
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Task_ScreenInvestor").singleResult().getId());
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_AssessRequest").singleResult();
  }

  private String numberOf(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
  }

  private void logIn(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }
}
