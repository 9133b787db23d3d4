package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.stubbing.Stubber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.HttpTestClient.Credentials;
import ru.mos.localisation.HttpTestClient.Reply;

/**
 * A step that fails halfway leaves nothing behind, on a real PostgreSQL: the application's rows a
 * delegate wrote before the failure go down with the engine's transaction, the process stays where
 * it was, and the repeated step writes them exactly once. The failure is the registry throwing once,
 * after other rows of the same step were written (the registry is a spy of {@link PostgresTest}, reset
 * after each test). The class runs the jobs itself, as the job executor would, to see each try.
 */
@PostgresTest
@ExtendWith(JobExecutorPaused.class)
class CrashSafetyTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final Credentials INVESTOR = new Credentials("investor", "demo");
  private static final Credentials OFFICER = new Credentials("investment.officer", "demo");
  private static final String CRASH = "Simulated crash after the step's first writes";

  /** A spy in every {@link PostgresTest} context: the real registry unless a test stubs it. */
  @Autowired private RequestRegistry registry;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpTestClient http;
  private final String engineRest;
  private final JdbcTemplate jdbc;
  private final ManagementService managementService;
  private final TaskService taskService;

  @Autowired
  CrashSafetyTests(
      @LocalServerPort int port,
      ProcessEngine processEngine,
      JdbcTemplate jdbc,
      ManagementService managementService,
      TaskService taskService) {
    this.http = HttpTestClient.onPort(port, TIMEOUT);
    this.engineRest = "/engine-rest/engine/" + processEngine.getName();
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  @Test
  void aScreeningJobThatFailsAfterRecordingTheScreeningLeavesNoTraceAndRecordsItOnceWhenRetried() {
    // given a complete request waiting for its asynchronous screening
    String number = submit(TestRequests.recyclingPlantJson("CRASH-" + UUID.randomUUID()));
    String processInstanceId = processInstanceId(number);
    Job screening = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(screening.getRetries()).isEqualTo(3);
    List<String> timeline = eventTypes(number);
    // and a crash in the same transaction after the screening is recorded: where assessment begins
    doThrowOnce().when(registry).moveTo(number, RequestStage.ASSESSMENT);

    // when the job runs
    assertThatThrownBy(() -> managementService.executeJob(screening.getId())).rootCause().hasMessage(CRASH);

    // then nothing of the step was committed: no screening result, the stage as it was, no task
    assertThat(eventTypes(number)).isEqualTo(timeline).doesNotContain("SCREENING_PASSED");
    assertThat(stage(number)).isEqualTo("SCREENING");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    // and the job is still there, one try fewer, the failure recorded for Cockpit
    Job failed = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(failed.getId()).isEqualTo(screening.getId());
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains(CRASH);

    // when the fault is gone and the job is tried again
    managementService.executeJob(failed.getId());

    // then the screening is recorded exactly once and the request waits for assessment
    assertThat(eventTypes(number)).containsOnlyOnce("SCREENING_PASSED", "STAGE_ASSESSMENT");
    assertThat(stage(number)).isEqualTo("ASSESSMENT");
    assertThat(managementService.createJobQuery().jobId(failed.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_AssessRequest");
  }

  @Test
  void anOfficialsCompletionThatFailsAfterWritingTheOutboxLeavesTheTaskOpenAndWritesOnceWhenRepeated() {
    // given a request without its environmental impact summary, the department to confirm the list
    ObjectNode request = (ObjectNode) HttpTestClient.parse(TestRequests.recyclingPlantJson("CRASH-" + UUID.randomUUID()));
    request.putArray("documents").add("BUSINESS_PLAN").add("FINANCIAL_STATEMENTS").add("CORPORATE_DOCUMENTS");
    String number = submit(request.toString());
    Task confirmation = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(confirmation.getTaskDefinitionKey()).isEqualTo("Task_ConfirmMissingDocuments");
    // and a crash in the same transaction after the notice to the investor is in the outbox
    doThrowOnce().when(registry).addEvent(eq(number), eq("DOCUMENTS_REQUESTED"), any());

    // when the official confirms it over /engine-rest
    Reply failed = confirm(confirmation);

    // then the official is told it failed, and nothing of the completion was committed
    assertThat(failed.statusCode()).as(failed.json().toString()).isEqualTo(500);
    assertThat(failed.json().toString()).doesNotContain("\\tat ");
    assertThat(notificationTypes(number)).doesNotContain("DOCUMENTS_MISSING");
    assertThat(eventTypes(number)).doesNotContain("DOCUMENTS_REQUESTED");
    assertThat(taskService.createTaskQuery().taskId(confirmation.getId()).count()).isOne();

    // when the official confirms it again
    Reply confirmed = confirm(confirmation);

    // then the investor is asked exactly once and the request waits for the documents
    assertThat(confirmed.statusCode()).as(confirmed.json().toString()).isEqualTo(204);
    assertThat(notificationTypes(number)).containsOnlyOnce("DOCUMENTS_MISSING");
    assertThat(eventTypes(number)).containsOnlyOnce("DOCUMENTS_REQUESTED");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The fault: the first call fails, every later one does what the registry does. */
  private static Stubber doThrowOnce() {
    return doThrow(new IllegalStateException(CRASH)).doCallRealMethod();
  }

  private String submit(String requestJson) {
    Reply submitted = http.as(INVESTOR).post(REQUESTS, requestJson);
    assertThat(submitted.statusCode()).as(submitted.json().toString()).isEqualTo(201);
    return submitted.json().path("number").asText();
  }

  private Reply confirm(Task confirmation) {
    ObjectNode body = json.createObjectNode();
    body.putObject("variables").putObject(MISSING_DOCUMENTS_CONFIRMED).put("value", true);
    return http.as(OFFICER).post(engineRest + "/task/" + confirmation.getId() + "/complete", body.toString());
  }

  private String processInstanceId(String number) {
    return jdbc.queryForObject("SELECT process_instance_id FROM localisation_request WHERE number = ?", String.class, number);
  }

  private String stage(String number) {
    return jdbc.queryForObject("SELECT stage FROM localisation_request WHERE number = ?", String.class, number);
  }

  private List<String> eventTypes(String number) {
    return jdbc.queryForList("SELECT type FROM request_event WHERE request_number = ? ORDER BY id", String.class, number);
  }

  private List<String> notificationTypes(String number) {
    return jdbc.queryForList(
        "SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id", String.class, number);
  }
}
