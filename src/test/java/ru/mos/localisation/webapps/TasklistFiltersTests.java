package ru.mos.localisation.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.process.ProcessVariables;

/**
 * The officials' Tasklist filters: which exist, who may read them, what each shows to whom — told
 * through the demo users, logged in to the engine as the webapps log them in — and the task cards
 * as Tasklist fetches them over {@code /engine-rest}.
 */
@ApplicationTest
class TasklistFiltersTests {

  /** The demo user of each official group (the product's contract). */
  static final Map<OfficialGroup, String> DEMO_USERS = new EnumMap<>(OfficialGroup.class);

  static {
    DEMO_USERS.put(OfficialGroup.INVESTMENT_DEPARTMENT, "investment.officer");
    DEMO_USERS.put(OfficialGroup.INVESTMENT_BOARD, "investment.head");
    DEMO_USERS.put(OfficialGroup.COMPLIANCE, "compliance.officer");
    DEMO_USERS.put(OfficialGroup.ENVIRONMENTAL_REVIEW, "eco.reviewer");
    DEMO_USERS.put(OfficialGroup.MOSPROM, "mosprom.specialist");
    DEMO_USERS.put(OfficialGroup.SITE_ALLOCATION, "site.officer");
  }

  /**
   * Tasklist pages through everything it lists, as the engine's queryMaxResultsLimit demands of a
   * logged-in user: filters 2000 at a time, tasks 15 to a page.
   */
  static final int FILTER_PAGE = 2000;
  static final int TASK_PAGE = 15;

  static final List<String> ALL_FILTERS =
      Stream.concat(
              Stream.of(TasklistFilters.MY_TASKS, TasklistFilters.OVERDUE),
              Stream.of(OfficialGroup.values()).map(OfficialGroup::filterName))
          .toList();

  @Autowired ProcessEngine processEngine;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IntakeService intake;
  @Autowired TasklistSetup setup;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;

  private RunningRequests requests;
  private HttpTestClient http;

  @BeforeEach
  void createRequests() {
    http = HttpTestClient.onPort(port);
    requests = new RunningRequests(intake, runtimeService, managementService, taskService, identityService);
  }

  @AfterEach
  void logOutAndStopRequests() {
    requests.cleanUp();
  }

  // --- the filters ------------------------------------------------------------------------------

  @Test
  void everyFilterExistsOnceAndTheSharedFilterOfEarlierVersionsIsGone() {
    for (String name : ALL_FILTERS) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.RETIRED_GROUP_TASKS).count()).isZero();
  }

  @Test
  void eachGroupsFilterIsReadableByThatGroupAloneAndTheSharedFiltersByEveryOfficialGroup() {
    for (OfficialGroup group : OfficialGroup.values()) {
      assertThat(readersOf(group.filterName())).as(group.filterName()).containsExactly(group.id());
    }
    assertThat(readersOf(TasklistFilters.MY_TASKS)).containsExactlyInAnyOrderElementsOf(OfficialGroup.ids());
    assertThat(readersOf(TasklistFilters.OVERDUE)).containsExactlyInAnyOrderElementsOf(OfficialGroup.ids());
  }

  @Test
  void eachOfficialSeesTheirGroupsFilterFirstThenMyTasksAndOverdue() {
    for (Map.Entry<OfficialGroup, String> official : DEMO_USERS.entrySet()) {
      requests.logIn(official.getValue());

      // Tasklist lists the filters the user may read, by their priority property, and opens the first
      List<String> visible =
          filterService.createFilterQuery().listPage(0, FILTER_PAGE).stream()
              .sorted(Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
              .map(Filter::getName)
              .toList();

      assertThat(visible)
          .as(official.getValue())
          .containsExactly(official.getKey().filterName(), TasklistFilters.MY_TASKS, TasklistFilters.OVERDUE);
      requests.logOut();
    }
  }

  @Test
  void filtersAreStoredAsTasklistsCreateFilterDialogWritesThem() throws Exception {
    JsonNode group = filterAsTasklistReadsIt(OfficialGroup.COMPLIANCE.filterName());
    assertThat(group.at("/resourceType").asText()).isEqualTo("Task");
    assertThat(group.at("/query/candidateGroup").asText()).isEqualTo("compliance");
    assertThat(group.at("/query/includeAssignedTasks").asBoolean()).isTrue();
    assertThat(group.at("/query/sorting").toString())
        .isEqualTo("[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"}]");
    JsonNode properties = group.get("properties");
    assertThat(properties.get("description").isTextual()).isTrue();
    assertThat(properties.get("priority").isInt()).isTrue();
    assertThat(properties.get("color").asText()).matches("#[0-9a-f]{6}");
    assertThat(properties.get("refresh").isBoolean()).isTrue();
    assertThat(properties.get("showUndefinedVariable").isBoolean()).isTrue();
    assertThat(properties.get("variables").toString())
        .isEqualTo(
            "[{\"name\":\"requestNumber\",\"label\":\"Номер заявки\"},{\"name\":\"investorName\",\"label\":\"Инвестор\"},"
                + "{\"name\":\"priority\",\"label\":\"Приоритет\"}]");

    JsonNode myTasks = filterAsTasklistReadsIt(TasklistFilters.MY_TASKS);
    assertThat(myTasks.at("/query/assigneeExpression").asText()).isEqualTo("${currentUser()}");
    assertThat(myTasks.at("/properties/variables")).isEqualTo(properties.get("variables"));

    JsonNode overdue = filterAsTasklistReadsIt(TasklistFilters.OVERDUE);
    assertThat(overdue.at("/query/dueBeforeExpression").asText()).isEqualTo("${now()}");
    assertThat(overdue.at("/query/candidateGroupsExpression").asText()).isEqualTo("${currentUserGroups()}");
    assertThat(overdue.at("/properties/variables")).isEqualTo(properties.get("variables"));
  }

  // --- start-up -----------------------------------------------------------------------------------

  @Test
  void runningTheSetUpAgainCreatesNothingTwice() {
    long filters = filterService.createFilterQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    List<String> ids = filterIds();

    setup.run();
    setup.run();

    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterIds()).isEqualTo(ids);
  }

  @Test
  void theSetUpReplacesTheSharedFilterOfEarlierVersions() {
    Filter retired = filterService.saveFilter(
        filterService.newTaskFilter(TasklistFilters.RETIRED_GROUP_TASKS).setQuery(taskService.createTaskQuery()));

    setup.run();

    assertThat(filterService.getFilter(retired.getId())).isNull();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(retired.getId()).count()).isZero();
  }

  @Test
  void theSetUpRemovesADuplicateLeftByAnEarlierStartUp() throws Exception {
    filterService.saveFilter(
        filterService.newTaskFilter(OfficialGroup.MOSPROM.filterName()).setQuery(taskService.createTaskQuery()));

    setup.run();

    assertThat(filterService.createFilterQuery().filterName(OfficialGroup.MOSPROM.filterName()).count()).isEqualTo(1);
    assertThat(readersOf(OfficialGroup.MOSPROM.filterName())).containsExactly(OfficialGroup.MOSPROM.id());
    assertThat(filterAsTasklistReadsIt(OfficialGroup.MOSPROM.filterName()).at("/query/candidateGroup").asText()).isEqualTo("mosprom");
  }

  // --- what officials see -----------------------------------------------------------------------

  @Test
  void aRequestWaitingForAssessmentShowsInTheDepartmentsFilterAlone() {
    // given a request screened and waiting for the department's assessment
    Task assessment = requests.waitingForAssessment();

    for (Map.Entry<OfficialGroup, String> official : DEMO_USERS.entrySet()) {
      // when each official opens their group's filter
      requests.logIn(official.getValue());
      List<String> shown = taskIds(official.getKey().filterName(), assessment.getProcessInstanceId());

      // then only the department's officer finds the task there
      if (official.getKey() == OfficialGroup.INVESTMENT_DEPARTMENT) {
        assertThat(shown).as(official.getValue()).containsExactly(assessment.getId());
      } else {
        assertThat(shown).as(official.getValue()).isEmpty();
      }
      // and nobody has it among their own or overdue tasks yet
      assertThat(taskIds(TasklistFilters.MY_TASKS, assessment.getProcessInstanceId())).isEmpty();
      assertThat(taskIds(TasklistFilters.OVERDUE, assessment.getProcessInstanceId())).isEmpty();
      requests.logOut();
    }
  }

  @Test
  void theDepartmentCannotSeeAComplianceTaskThroughAnyFilterOrQuery() {
    // given a screening hit waiting for compliance
    Task review = requests.waitingForComplianceReview();
    String instance = review.getProcessInstanceId();

    // when the department's officer looks
    requests.logIn("investment.officer");

    // then no filter shows it: the filters of other groups are closed, the others leave it out
    for (String name : ALL_FILTERS) {
      String filterId = filterId(name);
      boolean readable = filterService.createFilterQuery().filterId(filterId).count() == 1;
      if (readable) {
        assertThat(filterService.listPage(filterId, taskService.createTaskQuery().processInstanceId(instance), 0, TASK_PAGE))
            .as(name)
            .isEmpty();
        assertThat(filterService.count(filterId, taskService.createTaskQuery().processInstanceId(instance))).as(name).isZero();
      } else {
        assertThatThrownBy(() -> filterService.listPage(filterId, 0, TASK_PAGE)).as(name).isInstanceOf(AuthorizationException.class);
      }
    }
    // and neither does a plain task query, nor can they claim it by id
    assertThat(taskService.createTaskQuery().processInstanceId(instance).listPage(0, TASK_PAGE)).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(review.getId(), "investment.officer")).isInstanceOf(AuthorizationException.class);

    // while compliance finds it in its own filter
    requests.logIn("compliance.officer");
    assertThat(taskIds(OfficialGroup.COMPLIANCE.filterName(), instance)).containsExactly(review.getId());
  }

  @Test
  void aClaimedTaskIsInMyTasksAndAnOverdueOneInOverdue() {
    Task assessment = requests.waitingForAssessment();
    String instance = assessment.getProcessInstanceId();

    // when the officer claims the assessment, it is among their tasks and still in the group's filter
    requests.logIn("investment.officer");
    taskService.claim(assessment.getId(), "investment.officer");
    assertThat(taskIds(TasklistFilters.MY_TASKS, instance)).containsExactly(assessment.getId());
    assertThat(taskIds(OfficialGroup.INVESTMENT_DEPARTMENT.filterName(), instance)).containsExactly(assessment.getId());
    assertThat(taskIds(TasklistFilters.OVERDUE, instance)).isEmpty();

    // when its deadline has passed, it is overdue for the department and for nobody else
    requests.logOut();
    taskService.setDueDate(assessment.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
    requests.logIn("investment.officer");
    assertThat(taskIds(TasklistFilters.OVERDUE, instance)).containsExactly(assessment.getId());
    requests.logIn("investment.head");
    assertThat(taskIds(TasklistFilters.OVERDUE, instance)).isEmpty();
    assertThat(taskIds(TasklistFilters.MY_TASKS, instance)).isEmpty();
  }

  @Test
  void taskCardsShowTheRegistryNumberAndTheInvestorToTheOfficer() throws Exception {
    // given a request waiting for the department
    Task assessment = requests.waitingForAssessment();
    String number = (String) runtimeService.getVariable(assessment.getProcessInstanceId(), ProcessVariables.REQUEST_NUMBER);

    // when Tasklist loads the department's filter for the officer, as it does for the task cards (a page)
    Reply response =
        http.as("investment.officer", "demo")
            .request(
                "POST",
                engineRest(
                    "/filter/" + filterId(OfficialGroup.INVESTMENT_DEPARTMENT.filterName())
                        + "/list?firstResult=0&maxResults=15"))
            .header("Accept", "application/hal+json")
            .json("{\"processInstanceId\":\"" + assessment.getProcessInstanceId() + "\"}")
            .send();

    // then the card of the task carries both variables the filter names
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode task = objectMapper.readTree(response.body()).at("/_embedded/task/0");
    assertThat(task.get("id").asText()).isEqualTo(assessment.getId());
    Map<String, String> variables = new HashMap<>();
    task.at("/_embedded/variable").forEach(v -> variables.put(v.get("name").asText(), v.get("value").asText()));
    assertThat(variables)
        .containsEntry(ProcessVariables.REQUEST_NUMBER, number)
        .containsEntry(ProcessVariables.INVESTOR_NAME, "Ge Pai New Energy Co.");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private List<String> taskIds(String filterName, String processInstanceId) {
    return filterService
        .<Task, TaskQuery>listPage(filterId(filterName), taskService.createTaskQuery().processInstanceId(processInstanceId), 0, TASK_PAGE)
        .stream()
        .map(Task::getId)
        .toList();
  }

  /** The id of the named filter, looked up past the current user's authorizations. */
  private String filterId(String name) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return filterService.createFilterQuery().filterName(name).singleResult().getId();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  private List<String> filterIds() {
    return ALL_FILTERS.stream().map(this::filterId).toList();
  }

  /** The groups that may read the filter — and do nothing else with it. */
  private List<String> readersOf(String filterName) {
    List<Authorization> authorizations =
        authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId(filterName)).list();
    assertThat(authorizations)
        .allSatisfy(authorization -> {
          assertThat(authorization.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
          assertThat(authorization.isPermissionGranted(Permissions.READ)).isTrue();
          assertThat(authorization.isPermissionGranted(Permissions.UPDATE)).isFalse();
          assertThat(authorization.isPermissionGranted(Permissions.DELETE)).isFalse();
        });
    return authorizations.stream().map(Authorization::getGroupId).toList();
  }

  private JsonNode filterAsTasklistReadsIt(String name) throws Exception {
    Reply response = http.as("admin", "admin").get(engineRest("/filter/" + filterId(name)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return objectMapper.readTree(response.body());
  }

  /** The REST API of this test's engine, by its name. */
  private String engineRest(String path) {
    return "/engine-rest/engine/" + processEngine.getName() + path;
  }
}
