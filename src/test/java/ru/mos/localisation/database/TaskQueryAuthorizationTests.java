package ru.mos.localisation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
            .replaceAll("\\s+", " ");
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
}
