package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_DOCUMENTS_SUPPLIED;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_REQUEST_WITHDRAWN;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.HttpTestClient.Credentials;
import ru.mos.localisation.HttpTestClient.Reply;

/**
 * Two people doing the same thing to the same request at the same moment, on a real PostgreSQL:
 * exactly one of them takes effect, the other gets its door's answer and changes nothing. Camunda's
 * optimistic locking decides; the application's rows are written in the engine's transaction and
 * go down with the loser's.
 *
 * <p>Both calls start together (a latch releases two threads). Each race runs a few times, and at
 * least once the two must have met inside the database, which the loser's answer tells.
 */
@PostgresTest
@ExtendWith(JobExecutorPaused.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentActionsTests {

  private static final int ROUNDS = 5;
  private static final int MAX_ROUNDS = 25;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final Credentials INVESTOR = new Credentials("investor", "demo");
  private static final Credentials OFFICER = new Credentials("investment.officer", "demo");
  private static final Credentials ADMIN = new Credentials("admin", "admin");
  /** Camunda's error code of an optimistic locking failure: the loser's write met the winner's. */
  private static final int OPTIMISTIC_LOCKING = 1;
  private static final String CHANGED_CONCURRENTLY = "The request was changed concurrently; please retry";

  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final HttpTestClient http;
  private final String engineRest;
  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;

  @Autowired
  ConcurrentActionsTests(
      @LocalServerPort int port,
      ProcessEngine processEngine,
      JdbcTemplate jdbc,
      TaskService taskService,
      HistoryService historyService,
      RuntimeService runtimeService) {
    this.http = HttpTestClient.onPort(port, TIMEOUT);
    this.engineRest = "/engine-rest/engine/" + processEngine.getName();
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
  }

  @AfterAll
  void stopThreads() {
    threads.shutdownNow();
  }

  // --- officials over /engine-rest ------------------------------------------------------------

  @Test
  void twoOfficialsCompletingTheSameTaskAtOnceCompleteItOnce() throws Exception {
    List<Integer> loserCodes = new ArrayList<>();
    // at least ROUNDS rounds, and more (up to MAX_ROUNDS) until the two have met in the database
    // once: how the race falls each time is the machine's to decide
    for (int round = 0; round < ROUNDS || (round < MAX_ROUNDS && !loserCodes.contains(OPTIMISTIC_LOCKING)); round++) {
      // given a request whose list of missing documents the department is to confirm
      String number = submitWithoutEnvironmentalSummary();
      Task confirmation = openTask(number);

      // when the officer and the administrator confirm it at the same moment
      List<Reply> replies = together(() -> confirm(OFFICER, confirmation), () -> confirm(ADMIN, confirmation));

      // then one completion succeeds and the other gets Camunda's documented answer
      assertThat(replies.get(0).statusCode()).as("round %d: %s", round, replies).isEqualTo(204);
      Reply loser = replies.get(1);
      if (loser.statusCode() == 403) {
        // the loser read the task just before the winner committed, and its permission check just
        // after: the winner's completion removed the task's authorizations with the task, so the
        // engine answers with its documented AuthorizationException for that very task
        assertThat(loser.json().path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(loser.json().path("message").asText()).contains("'TASK_WORK' permission on resource '" + confirmation.getId() + "'");
      } else {
        assertCannotComplete(loser, confirmation);
        loserCodes.add(loser.json().path("code").asInt());
      }
      // and the process moved on once
      assertCompletedOnce(number, confirmation);
    }
    assertThat(loserCodes).as("Camunda's error codes of the losers").contains(OPTIMISTIC_LOCKING);
  }

  @Test
  void anOfficialCompletingATaskAnotherHasCompletedGetsCamundasAnswerAndChangesNothing() {
    String number = submitWithoutEnvironmentalSummary();
    Task confirmation = openTask(number);
    assertThat(confirm(ADMIN, confirmation).statusCode()).isEqualTo(204);

    Reply late = confirm(OFFICER, confirmation);

    assertCannotComplete(late, confirmation);
    assertThat(late.json().path("message").asText())
        .endsWith("Cannot find task with id " + confirmation.getId() + ": task is null");
    assertThat(late.json().path("code").asInt()).isZero();
    assertCompletedOnce(number, confirmation);
  }

  /**
   * Camunda's answer to a completion that lost, whichever way (REST reference, "Complete Task": 500
   * when the task does not exist or the process instance could not be resumed): its error, no trace.
   */
  private static void assertCannotComplete(Reply reply, Task task) {
    assertThat(reply.statusCode()).as(reply.json().toString()).isEqualTo(500);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().path("type").asText()).isEqualTo("RestException");
    assertThat(reply.json().path("message").asText()).startsWith("Cannot complete task " + task.getId() + ": ");
    assertThat(reply.json().toString()).doesNotContain("\\tat ", "Caused by");
  }

  /** One completion in history, the next step run once, the investor asked once, documents awaited. */
  private void assertCompletedOnce(String number, Task confirmation) {
    assertThat(
            historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_ConfirmMissingDocuments")
                .finished()
                .list())
        .singleElement()
        .satisfies(task -> assertThat(task.getDeleteReason()).isEqualTo("completed"));
    assertThat(
            historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(confirmation.getProcessInstanceId())
                .activityId("Task_RequestMissingDocuments")
                .count())
        .isOne();
    assertThat(notificationTypes(number)).containsOnlyOnce("DOCUMENTS_MISSING");
    assertThat(eventTypes(number)).containsOnlyOnce("DOCUMENTS_REQUESTED");
    assertThat(
            runtimeService.createEventSubscriptionQuery()
                .processInstanceId(confirmation.getProcessInstanceId())
                .eventName(MESSAGE_DOCUMENTS_SUPPLIED)
                .count())
        .isOne();
  }

  // --- investors over /api/v1 -----------------------------------------------------------------

  @Test
  void twoIdenticalWithdrawalsAtOnceWithdrawTheRequestOnce() throws Exception {
    List<String> loserDetails = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      // given a request in progress
      String number = submitWithoutEnvironmentalSummary();
      String withdrawal = REQUESTS + "/" + number + "/withdrawal";
      String body = "{\"reason\": \"Project postponed\"}";

      // when the investor's portal sends its withdrawal twice at the same moment
      List<Reply> replies = together(() -> http.as(INVESTOR).post(withdrawal, body), () -> http.as(INVESTOR).post(withdrawal, body));

      // then one withdraws the request and the other is a conflict in the investor API's format
      assertThat(replies.get(0).statusCode()).as("round %d: %s", round, replies).isEqualTo(200);
      assertThat(replies.get(0).json().path("status").asText()).isEqualTo("WITHDRAWN");
      Reply loser = replies.get(1);
      assertThat(loser.statusCode()).as(loser.json().toString()).isEqualTo(409);
      assertThat(loser.contentType()).startsWith("application/problem+json");
      assertThat(loser.json().path("status").asInt()).isEqualTo(409);
      loserDetails.add(loser.json().path("detail").asText());
      // and it was withdrawn once: one status change, one notice to the investor, one end of the process
      assertThat(eventTypes(number)).containsOnlyOnce("WITHDRAWN");
      assertThat(notificationTypes(number)).containsOnlyOnce("WITHDRAWN");
      HistoricProcessInstance instance =
          historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
      assertThat(instance.getEndTime()).isNotNull();
      assertThat(
              historyService.createHistoricActivityInstanceQuery()
                  .processInstanceId(instance.getId())
                  .activityId("Task_WithdrawRequest")
                  .count())
          .isOne();
    }
    // the other one came too late (the request no longer waits for it) or met the winner and lost
    assertThat(loserDetails)
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .satisfiesAnyOf(
                        d -> assertThat(d).isEqualTo(CHANGED_CONCURRENTLY),
                        d -> assertThat(d).matches("Request LOC-\\d{4}-\\d{5,} is not waiting for " + MESSAGE_REQUEST_WITHDRAWN)))
        .contains(CHANGED_CONCURRENTLY);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Runs both calls at the same moment; their replies, lowest status first. */
  private List<Reply> together(Callable<Reply> first, Callable<Reply> second) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> futures = new ArrayList<>();
    for (Callable<Reply> call : List.of(first, second)) {
      futures.add(
          threads.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    start.countDown();
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> future : futures) {
      replies.add(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    replies.sort(Comparator.comparingInt(Reply::statusCode));
    return replies;
  }

  /** A complete recycling request but for its environmental impact summary: the department confirms the list. */
  private String submitWithoutEnvironmentalSummary() {
    ObjectNode request = (ObjectNode) HttpTestClient.parse(TestRequests.recyclingPlantJson("RACE-" + UUID.randomUUID()));
    request.putArray("documents").add("BUSINESS_PLAN").add("FINANCIAL_STATEMENTS").add("CORPORATE_DOCUMENTS");
    Reply submitted = http.as(INVESTOR).post(REQUESTS, request.toString());
    assertThat(submitted.statusCode()).as(submitted.json().toString()).isEqualTo(201);
    return submitted.json().path("number").asText();
  }

  private Task openTask(String number) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmMissingDocuments");
    return task;
  }

  private Reply confirm(Credentials official, Task confirmation) {
    ObjectNode body = json.createObjectNode();
    body.putObject("variables").putObject(MISSING_DOCUMENTS_CONFIRMED).put("value", true);
    return http.as(official).post(engineRest + "/task/" + confirmation.getId() + "/complete", body.toString());
  }

  private List<String> notificationTypes(String number) {
    return jdbc.queryForList(
        "SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id", String.class, number);
  }

  private List<String> eventTypes(String number) {
    return jdbc.queryForList("SELECT type FROM request_event WHERE request_number = ? ORDER BY id", String.class, number);
  }
}
