package ru.mos.localisation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.PostgresTest;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.process.ProcessVariables;

/**
 * The task query with its authorizations asked in subqueries ({@link TaskQueryAuthorization}):
 * the copy of Camunda's statement differs from the original only where marked, and on PostgreSQL
 * a user sees a task exactly when an authorization of the user, of every user or of one of the
 * user's groups grants READ on it or READ_TASK on its process definition — list and count alike.
 */
class TaskQueryAuthorizationTests {

  private static final String CAMUNDA_TASK_XML = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";

  /** Where Camunda's candidate conditions begin and end (white space collapsed). */
  private static final String CANDIDATES_START =
      "<if test=\"!query.includeAssignedTasks\"> and RES.ASSIGNEE_ is null </if> and I.TYPE_ = 'candidate'";

  private static final String CANDIDATES_END = "<if test=\"query.withCandidateUsers\"> and I.USER_ID_ is not null </if> </trim>";

  @Test
  void theCopyIsCamundasTaskQueryWithOnlyTheAuthorizationCheckChanged() throws IOException {
    String camunda = fragment(read(CAMUNDA_TASK_XML));
    String ours = fragment(read(TaskQueryAuthorization.MAPPER));

    String join =
        "<if test=\"authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null\">"
            + " <if test=\"!authCheck.revokeAuthorizationCheckEnabled\">"
            + " <include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause\" />"
            + " AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})"
            + " </if> </if>";
    String check =
        "<include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />";
    assertThat(camunda).contains(join).contains(check);
    String expected =
        camunda
            .replace(join, "")
            .replace(
                check,
                "<choose> <when test=\"authCheck.revokeAuthorizationCheckEnabled\"> " + check
                    + " </when> <otherwise> <include refid=\"ru.mos.localisation.database.TaskQueryAuthorization.authorizedInSubqueries\" />"
                    + " </otherwise> </choose>")
            .replace("<if test=\"I_JOIN\">", "<if test=\"I_JOIN &amp;&amp; !candidatesInSubquery\">")
            .replace(
                CANDIDATES_START,
                CANDIDATES_START.replace(
                    "and I.TYPE_ = 'candidate'",
                    "<if test=\"candidatesInSubquery\"> and EXISTS (select 1 from ${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ </if>"
                        + " and I.TYPE_ = 'candidate'"))
            .replace(CANDIDATES_END, CANDIDATES_END.replace("</trim>", "<if test=\"candidatesInSubquery\"> ) </if> </trim>"))
            .replaceAll("\\s+", " ");
    assertThat(camunda).contains(CANDIDATES_START).contains(CANDIDATES_END);
    assertThat(ours).isEqualTo(expected);
  }

  /** Camunda's task query conditions, comments removed and white space collapsed. */
  private static String fragment(String mapper) {
    Matcher sql = Pattern.compile("<sql id=\"selectTaskByQueryCriteriaSql\">(.*?)</where>\\s*</sql>", Pattern.DOTALL).matcher(mapper);
    assertThat(sql.find()).as("selectTaskByQueryCriteriaSql").isTrue();
    return sql.group(1).replaceAll("(?s)<!--.*?-->", " ").replaceAll("\\s+", " ").strip();
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = TaskQueryAuthorizationTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Nested
  @PostgresTest
  class OnPostgres {

    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;

    private Task assessment;
    private final List<String> grants = new java.util.ArrayList<>();

    @BeforeEach
    void aRequestAwaitsAssessment() {
      String number = intake.submit(TestRequests.recyclingPlant("TASK-AUTH-" + UUID.randomUUID()), "investor").request().number();
      assessment =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      taskService
                          .createTaskQuery()
                          .processInstanceBusinessKey(number)
                          .taskDefinitionKey("Task_AssessRequest")
                          .singleResult(),
                  task -> task != null);
    }

    @AfterEach
    void cleanUp() {
      identityService.clearAuthentication();
      grants.forEach(authorizationService::deleteAuthorization);
      runtimeService.deleteProcessInstance(assessment.getProcessInstanceId(), "test finished", true);
    }

    @Test
    void theCandidateGroupSeesItsTaskAndOtherGroupsDoNot() {
      assertThat(visibleAs("investment.officer", "investment-department")).isTrue();
      assertThat(visibleAs("compliance.officer", "compliance")).isFalse();
      assertThat(visibleAs("nobody", null)).isFalse();
    }

    @Test
    void aGrantToTheUserOnTheTaskShowsIt() {
      grant(Authorization.AUTH_TYPE_GRANT, "compliance.officer", null, Resources.TASK, assessment.getId(), Permissions.READ);
      assertThat(visibleAs("compliance.officer", "compliance")).isTrue();
    }

    @Test
    void aGrantWithoutReadOnTheTaskDoesNotShowIt() {
      grant(Authorization.AUTH_TYPE_GRANT, "compliance.officer", null, Resources.TASK, assessment.getId(), TaskPermissions.UPDATE);
      assertThat(visibleAs("compliance.officer", "compliance")).isFalse();
    }

    @Test
    void readTaskOnTheProcessDefinitionShowsEveryTaskOfIt() {
      // to the user: the group holds its own authorization on the definition (READ), one row per group
      grant(Authorization.AUTH_TYPE_GRANT, "compliance.officer", null, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_KEY,
          Permissions.READ_TASK);
      assertThat(visibleAs("compliance.officer", "compliance")).isTrue();
    }

    @Test
    void readOnEveryTaskForEveryoneShowsIt() {
      grant(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.TASK, Authorization.ANY, Permissions.READ);
      assertThat(visibleAs("nobody", null)).isTrue();
    }

    @Test
    void readTaskOnAnotherDefinitionDoesNotShowIt() {
      grant(Authorization.AUTH_TYPE_GRANT, "compliance.officer", null, Resources.PROCESS_DEFINITION, ProcessVariables.SITE_ALLOCATION_PROCESS_KEY,
          Permissions.READ_TASK);
      assertThat(visibleAs("compliance.officer", "compliance")).isFalse();
    }

    /** Whether the task is in the user's list and count (the two must agree). */
    private boolean visibleAs(String userId, String groupId) {
      identityService.setAuthentication(userId, groupId == null ? List.of() : List.of(groupId));
      try {
        var query = taskService.createTaskQuery().processInstanceId(assessment.getProcessInstanceId());
        List<Task> listed = query.listPage(0, 15);
        long counted = query.count();
        assertThat(counted).as("count as listed").isEqualTo(listed.size());
        return listed.stream().anyMatch(task -> task.getId().equals(assessment.getId()));
      } finally {
        identityService.clearAuthentication();
      }
    }

    private void grant(int type, String userId, String groupId, Resources resource, String resourceId,
        org.camunda.bpm.engine.authorization.Permission permission) {
      Authorization authorization = authorizationService.createNewAuthorization(type);
      if (userId != null) {
        authorization.setUserId(userId);
      } else {
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      grants.add(authorizationService.saveAuthorization(authorization).getId());
    }
  }

  /**
   * The rewritten list and count (candidate conditions in {@code EXISTS}, no {@code DISTINCT})
   * answer exactly as Camunda's own statements: the same tasks in the same order, page by page,
   * and the same count, for Tasklist's kinds of filter and sorting, with and without
   * authorizations — tasks with two matching candidate groups (two joined rows in Camunda's query)
   * included.
   */
  @Nested
  @PostgresTest
  class SameAnswersAsCamunda {

    private static final String GROUP = "investment-department";
    private static final String OTHER_GROUP = "compliance";
    private static final String OFFICER = "investment.officer";

    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ProcessEngine processEngine;
    @Autowired JdbcTemplate jdbc;

    private final String prefix = "CMP-" + UUID.randomUUID() + "-";
    private final List<String> tasks = new java.util.ArrayList<>();
    private final List<String> grants = new java.util.ArrayList<>();

    /**
     * Twelve tasks of this test: candidate groups (one, the other, both), a candidate user,
     * assigned and not, due dates in the past, the future or none, distinct creation times and
     * priorities. Camunda lets a candidate group or user read its task; the officer's group may also
     * read one of the tasks only the other group is a candidate of.
     */
    @BeforeEach
    void tasks() {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      for (int i = 0; i < 12; i++) {
        Task task = taskService.newTask();
        task.setName(prefix + i);
        task.setPriority(10 * (i % 5));
        task.setDueDate(i % 4 == 3 ? null : Date.from(now.plus(i % 2 == 0 ? (5 - i) * 24 : i * 24 + 12, ChronoUnit.HOURS)));
        task.setAssignee(i % 3 == 0 ? OFFICER : null);
        taskService.saveTask(task);
        tasks.add(task.getId());
        jdbc.update("UPDATE act_ru_task SET create_time_ = ? WHERE id_ = ?", Timestamp.from(now.minus((i * 7) % 12, ChronoUnit.MINUTES)), task.getId());
        if (i % 4 != 1) {
          taskService.addCandidateGroup(task.getId(), GROUP);
        }
        if (i % 4 == 1 || i % 4 == 2) {
          taskService.addCandidateGroup(task.getId(), OTHER_GROUP);
        }
        if (i % 5 == 4) {
          taskService.addCandidateUser(task.getId(), OFFICER);
        }
        if (i % 8 == 1) {
          // a task only of the other group that the officer's group may read too
          Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          read.setGroupId(GROUP);
          read.setResource(Resources.TASK);
          read.setResourceId(task.getId());
          read.addPermission(Permissions.READ);
          grants.add(authorizationService.saveAuthorization(read).getId());
        }
      }
    }

    @AfterEach
    void cleanUp() {
      identityService.clearAuthentication();
      grants.forEach(authorizationService::deleteAuthorization);
      taskService.deleteTasks(tasks, true);
    }

    @Test
    void tasklistsFiltersAndSortingsListAndCountAsCamunda() {
      List<Supplier<TaskQuery>> queries =
          List.of(
              () -> ours().taskCandidateGroup(GROUP).includeAssignedTasks().orderByTaskCreateTime().desc(),
              () -> ours().taskCandidateGroup(GROUP).includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc(),
              () -> ours().taskCandidateGroup(GROUP).orderByDueDate().asc().orderByTaskCreateTime().desc(),
              () -> ours().taskCandidateGroupIn(List.of(GROUP, OTHER_GROUP)).includeAssignedTasks().orderByTaskCreateTime().asc(),
              () -> ours().taskCandidateGroupIn(List.of(GROUP, OTHER_GROUP)).includeAssignedTasks()
                  .dueBefore(new Date()).orderByDueDate().asc().orderByTaskCreateTime().desc(),
              () -> ours().taskCandidateUser(OFFICER).includeAssignedTasks().orderByTaskCreateTime().desc(),
              () -> ours().withCandidateGroups().orderByTaskPriority().desc().orderByTaskCreateTime().asc(),
              () -> ours().taskAssignee(OFFICER).orderByDueDate().desc().orderByTaskCreateTime().desc(),
              () -> ours().taskAssignee(OFFICER).orderByTaskCreateTime().desc(),
              // the identity links stay joined with OR parts or an involved user
              () -> ours().or().taskCandidateGroup(OTHER_GROUP).taskAssignee(OFFICER).endOr().orderByTaskCreateTime().desc(),
              () -> ours().taskInvolvedUser(OFFICER).orderByTaskCreateTime().desc());
      for (boolean authenticated : List.of(false, true)) {
        for (int q = 0; q < queries.size(); q++) {
          Supplier<TaskQuery> query = queries.get(q);
          Answer rewritten = answer(query, authenticated);
          Answer camundas = withCamundasStatements(() -> answer(query, authenticated));
          assertThat(rewritten).as("query %d, authenticated %s", q, authenticated).isEqualTo(camundas);
          assertThat(rewritten.count()).as("query %d finds some of the tasks", q).isPositive();
        }
      }
    }

    @Test
    void theTasksAreIndexedByDueDateForTheFiltersOrder() {
      assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
          .contains("CREATE INDEX act_idx_task_duedate_loc ON public.act_ru_task USING btree (due_date_)");
    }

    private TaskQuery ours() {
      return taskService.createTaskQuery().taskNameLike(prefix + "%");
    }

    record Answer(List<String> all, List<String> firstPage, List<String> secondPage, long count) {}

    private Answer answer(Supplier<TaskQuery> query, boolean authenticated) {
      if (authenticated) {
        identityService.setAuthentication(OFFICER, List.of(GROUP));
      }
      try {
        return new Answer(
            names(query.get().listPage(0, 100)), names(query.get().listPage(0, 3)), names(query.get().listPage(3, 3)), query.get().count());
      } finally {
        identityService.clearAuthentication();
      }
    }

    private static List<String> names(List<Task> tasks) {
      return tasks.stream().map(Task::getName).toList();
    }

    /** Runs with Camunda's own task query statements in place of the rewritten ones. */
    private <T> T withCamundasStatements(Supplier<T> action) {
      DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
      Map<String, String> rewritten = sessions.getStatementMappings();
      Map<String, String> camundas = new HashMap<>(rewritten);
      camundas.keySet().removeAll(TaskQueryAuthorization.STATEMENTS.keySet());
      sessions.setStatementMappings(camundas);
      try {
        return action.get();
      } finally {
        sessions.setStatementMappings(rewritten);
      }
    }
  }
}
