package ru.mos.localisation.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.intake.IntakeService;

/**
 * Who may do what in Camunda's webapps: officials work in Tasklist and see their own group's tasks
 * only, the board also supervises in Cockpit, investors get no webapp, administrators everything.
 */
@ApplicationTest
class WebappAuthorizationsTests {

  private static final String ADMIN = "admin";

  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IntakeService intake;

  private RunningRequests requests;

  @BeforeEach
  void createRequests() {
    requests = new RunningRequests(intake, runtimeService, managementService, taskService, identityService);
  }

  @AfterEach
  void logOutAndStopRequests() {
    requests.cleanUp();
  }

  // --- webapps ------------------------------------------------------------------------------------

  @Test
  void investorsHaveNoWebapp() {
    for (String investor : List.of("investor", "investor2")) {
      for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
        assertThat(authorized(investor, Permissions.ACCESS, Resources.APPLICATION, app)).as(investor + " " + app).isFalse();
      }
    }
    // Camunda's default lets members read their own group; nothing else is granted to investors
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("investor").list())
        .allSatisfy(a -> {
          assertThat(a.getResourceType()).isEqualTo(Resources.GROUP.resourceType());
          assertThat(a.getResourceId()).isEqualTo("investor");
        });
  }

  @Test
  void officialsWorkInTasklistAndOnlyTheBoardAlsoInCockpit() {
    for (Map.Entry<OfficialGroup, String> official : TasklistFiltersTests.DEMO_USERS.entrySet()) {
      String user = official.getValue();
      boolean board = official.getKey() == OfficialGroup.INVESTMENT_BOARD;

      assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(user).isTrue();
      assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(user).isEqualTo(board);
      assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(user).isFalse();
    }
  }

  @Test
  void administratorsMayDoEverything() {
    for (Resources resource : Resources.values()) {
      if (resource == Resources.HISTORIC_TASK || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
        continue; // checked only with historic instance permissions, which are off
      }
      assertThat(authorized(ADMIN, Permissions.ALL, resource, Authorization.ANY)).as(resource.resourceName()).isTrue();
    }
  }

  // --- tasks ------------------------------------------------------------------------------------

  @Test
  void noOfficialGroupHoldsAnyPermissionOnTasksBeyondWhatCandidacyGivesButTheBoardReadsThem() {
    List<String> officials = OfficialGroup.ids().stream().filter(id -> !id.equals(OfficialGroup.INVESTMENT_BOARD.id())).toList();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(officials.toArray(String[]::new)).resourceType(Resources.TASK).resourceId(Authorization.ANY).count()).isZero();
    for (Map.Entry<OfficialGroup, String> official : TasklistFiltersTests.DEMO_USERS.entrySet()) {
      String user = official.getValue();
      // the board supervises in Cockpit: «Human Tasks» and the dashboard's task count read every task
      boolean board = official.getKey() == OfficialGroup.INVESTMENT_BOARD;
      assertThat(authorized(user, Permissions.READ, Resources.TASK, Authorization.ANY)).as(user).isEqualTo(board);
      assertThat(authorized(user, Permissions.UPDATE, Resources.TASK, Authorization.ANY)).as(user).isFalse();
      assertThat(authorized(user, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK, Resources.TASK, Authorization.ANY)).as(user).isFalse();
      assertThat(authorized(user, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN, Resources.TASK, Authorization.ANY)).as(user).isFalse();
      assertThat(authorized(user, ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, PROCESS_KEY)).as(user).isFalse();
      assertThat(authorized(user, ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, PROCESS_KEY)).as(user).isFalse();
    }
  }

  @Test
  void theOfficerOpensTheFormAndDiagramOfTheirTaskAndCompletesIt() {
    Task assessment = requests.waitingForAssessment();

    requests.logIn("investment.officer");

    assertThat(formService.getDeployedTaskForm(assessment.getId())).isNotNull();
    assertThat(repositoryService.getProcessModel(assessment.getProcessDefinitionId())).isNotNull();
    assertThat(taskService.getVariables(assessment.getId())).containsKeys("requestNumber", "investorName");
    taskService.claim(assessment.getId(), "investment.officer");
    taskService.complete(assessment.getId(), Map.of("assessmentDecision", "REJECT", "assessmentComment", "Тест"));
  }

  @Test
  void othersCannotOpenTheDepartmentsTaskNorDoInvestorsSeeTheModels() {
    Task assessment = requests.waitingForAssessment();

    requests.logIn("compliance.officer");
    assertThat(taskService.createTaskQuery().processInstanceId(assessment.getProcessInstanceId()).count()).isZero();
    assertThatThrownBy(() -> taskService.getVariables(assessment.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> formService.getDeployedTaskForm(assessment.getId())).isInstanceOf(AuthorizationException.class);

    requests.logIn("investor");
    assertThatThrownBy(() -> repositoryService.getProcessModel(assessment.getProcessDefinitionId())).isInstanceOf(AuthorizationException.class);
  }

  // --- starting requests --------------------------------------------------------------------------

  @Test
  void onlyTheDepartmentStartsRequestsFromTasklist() {
    for (Map.Entry<OfficialGroup, String> official : TasklistFiltersTests.DEMO_USERS.entrySet()) {
      String user = official.getValue();
      boolean department = official.getKey() == OfficialGroup.INVESTMENT_DEPARTMENT;

      assertThat(authorized(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, PROCESS_KEY)).as(user).isEqualTo(department);
      assertThat(authorized(user, Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).as(user).isEqualTo(department);
      assertThat(authorized(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, SITE_ALLOCATION_PROCESS_KEY)).as(user).isFalse();
      // every official reads both models, so Tasklist shows their forms and diagrams
      assertThat(authorized(user, Permissions.READ, Resources.PROCESS_DEFINITION, PROCESS_KEY)).as(user).isTrue();
      assertThat(authorized(user, Permissions.READ, Resources.PROCESS_DEFINITION, SITE_ALLOCATION_PROCESS_KEY)).as(user).isTrue();
    }
    assertThat(authorized("investor", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, PROCESS_KEY)).isFalse();

    // Tasklist's start dialog lists what the user may start, a page of 15 at a time
    requests.logIn("investment.officer");
    assertThat(
            repositoryService.createProcessDefinitionQuery().startablePermissionCheck().startableInTasklist().latestVersion()
                .listPage(0, 15))
        .extracting(d -> d.getKey())
        .containsExactly(PROCESS_KEY);
    requests.logIn("mosprom.specialist");
    assertThat(repositoryService.createProcessDefinitionQuery().startablePermissionCheck().startableInTasklist().latestVersion().count()).isZero();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY)).isInstanceOf(AuthorizationException.class);
  }

  // --- Cockpit ----------------------------------------------------------------------------------

  @Test
  void theBoardSupervisesEveryRequestInCockpitButChangesNothing() {
    Task assessment = requests.waitingForAssessment();
    String instance = assessment.getProcessInstanceId();

    requests.logIn("investment.head");

    // instances, their variables, history, decisions and deployments
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("requestNumber").count()).isPositive();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isPositive();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isPositive();
    assertThat(repositoryService.createDeploymentQuery().count()).isPositive();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    // the department's task too (Cockpit's «Human Tasks» and task counts), but only to read it
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThatThrownBy(() -> taskService.claim(assessment.getId(), "investment.head")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(assessment.getId(), java.util.Map.of("assessmentDecision", "PROCEED")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setVariable(assessment.getId(), "assessmentComment", "x")).isInstanceOf(AuthorizationException.class);
    // nor any change to the request
    assertThatThrownBy(() -> runtimeService.setVariable(instance, "assessmentDecision", "PROCEED")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.suspendProcessInstanceById(instance)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.deleteProcessInstance(instance, "no")).isInstanceOf(AuthorizationException.class);

    // and other officials see no instance at all
    requests.logIn("investment.officer");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void theBoardsCockpitCountsEveryOpenTaskAndReportsThemByGroup() {
    Task assessment = requests.waitingForAssessment();
    long open = taskService.createTaskQuery().count();

    requests.logIn("investment.head");

    // the dashboard's «open tasks» and «Human Tasks»: what Cockpit asks for the board
    assertThat(taskService.createTaskQuery().count()).isEqualTo(open).isPositive();
    assertThat(taskService.createTaskReport().taskCountByCandidateGroup())
        .anySatisfy(count -> assertThat(count.getGroupName()).isEqualTo(OfficialGroup.INVESTMENT_DEPARTMENT.id()));
    assertThat(assessment).isNotNull();
  }

  @Test
  void theBoardRetriesAFailedScreeningFromCockpitAndNobodyElseCan() {
    // given a screening job that has failed for good: an incident
    ProcessInstance request = requests.beforeScreening();
    Job screening = requests.screeningJob(request.getId());
    managementService.setJobRetries(screening.getId(), 0);

    requests.logIn("investment.officer");
    assertThatThrownBy(() -> managementService.setJobRetries(screening.getId(), 1)).isInstanceOf(AuthorizationException.class);

    requests.logIn("investment.head");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).count()).isEqualTo(1);
    managementService.setJobRetries(screening.getId(), 1);

    requests.logOut();
    assertThat(managementService.createJobQuery().jobId(screening.getId()).singleResult().getRetries()).isEqualTo(1);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private boolean authorized(String userId, Permission permission, Resource resource, String resourceId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return authorizationService.isUserAuthorized(userId, groups, permission, resource, resourceId);
  }
}
