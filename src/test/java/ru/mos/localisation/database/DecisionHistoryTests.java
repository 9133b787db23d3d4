package ru.mos.localisation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_COMMENT;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.process.ProcessVariables.INVESTOR_NAME;
import static ru.mos.localisation.process.ProcessVariables.REQUEST_NUMBER;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.process.ProcessVariables;

/**
 * The history level {@value DecisionHistory#NAME}: an official's decision keeps its values with
 * time and activity, the task who and when, a job its run; technical variables, the copies on task
 * cards and the creation of jobs leave no history; the database holds Camunda's id of {@code full}.
 */
@ApplicationTest
class DecisionHistoryTests {

  @Autowired IntakeService intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  private ProcessInstance instance;

  @AfterEach
  void stopRequest() {
    if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true);
    }
  }

  @Test
  void theEngineRunsAtThisLevelWithTheIdOfFull() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(DecisionHistory.NAME);
    assertThat(managementService.getHistoryLevel()).isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
  }

  @Test
  void anAssessmentKeepsItsDecisionsHistoryAndTechnicalVariablesTheirLastValue() {
    String number = intake.submit(TestRequests.recyclingPlant("HISTORY-" + UUID.randomUUID()), "investor").request().number();
    instance =
        runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(ProcessVariables.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Task_ScreenInvestor").singleResult().getId());
    Task assessment = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_AssessRequest").singleResult();
    assertThat(taskService.getVariablesLocal(assessment.getId())).containsKeys(REQUEST_NUMBER, INVESTOR_NAME);

    taskService.complete(assessment.getId(), Map.of(ASSESSMENT_DECISION, "PROCEED", ASSESSMENT_COMMENT, "Проект соответствует программе"));

    assertThat(details())
        .as("value history of the decision, not of technical variables")
        .extracting(HistoricVariableUpdate::getVariableName)
        .containsExactlyInAnyOrder(ASSESSMENT_DECISION, ASSESSMENT_COMMENT);
    assertThat(details()).allSatisfy(detail -> assertThat(detail.getActivityInstanceId()).isNotNull());
    assertThat(variables())
        .as("the decision's last values; neither technical variables nor the copies on task cards")
        .extracting(HistoricVariableInstance::getName)
        .containsExactlyInAnyOrder(ASSESSMENT_DECISION, ASSESSMENT_COMMENT);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance.getId()).list())
        .as("the screening job's run, not its creation")
        .singleElement()
        .satisfies(log -> {
          assertThat(log.isSuccessLog()).isTrue();
          assertThat(log.getActivityId()).isEqualTo("Task_ScreenInvestor");
        });
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().singleResult())
        .as("who completed the assessment, and when")
        .satisfies(task -> assertThat(task.getEndTime()).isNotNull());
  }

  private java.util.List<HistoricVariableUpdate> details() {
    return historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list().stream()
        .map(HistoricDetail.class::cast)
        .map(HistoricVariableUpdate.class::cast)
        .toList();
  }

  private java.util.List<HistoricVariableInstance> variables() {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list();
  }
}
