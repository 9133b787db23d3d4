package ru.mos.localisation.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.intake.IntakeService;

/**
 * The operators' scrape at {@code /actuator/prometheus}: only operators and administrators get it;
 * it carries the business metrics read from the registry (the same on every node), with their
 * labels, beside the JVM's, HTTP's and the job executor's.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTests {

  private static final Path SCRAPE = Path.of("target", "metrics", "scrape.txt");
  private static final String OPERATOR = "metrics.operator";
  private static final String OPERATOR_PASSWORD = "Metrics-Operator-2026";

  private final HttpTestClient http;
  private final SupervisedRequests requests;
  private final IdentityService identityService;
  private final JdbcClient jdbc;

  @Autowired
  MetricsTests(
      @LocalServerPort int port, IntakeService intake, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, IdentityService identityService, JdbcClient jdbc) {
    this.http = HttpTestClient.onPort(port);
    this.requests = new SupervisedRequests(intake, runtimeService, managementService, taskService, identityService);
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  @BeforeAll
  void anOperatorAndARejectedRequest() {
    if (identityService.createUserQuery().userId(OPERATOR).count() == 0) {
      User user = identityService.newUser(OPERATOR);
      user.setPassword(OPERATOR_PASSWORD);
      ((IdentityServiceImpl) identityService).saveUser(user, true);
      if (identityService.createGroupQuery().groupId(SupervisionSecurity.OPERATOR_GROUP).count() == 0) {
        identityService.saveGroup(identityService.newGroup(SupervisionSecurity.OPERATOR_GROUP));
      }
      identityService.createMembership(OPERATOR, SupervisionSecurity.OPERATOR_GROUP);
    }
    requests.rejectedAtAssessment(SupervisedRequests.uniqueInvestor());
  }

  @Test
  void onlyOperatorsAndAdministratorsScrape() {
    assertThat(scrape(OPERATOR, OPERATOR_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(scrape("admin", "admin").statusCode()).isEqualTo(200);
    for (String user : new String[] {"investment.head", "investment.officer", "investor"}) {
      Reply refused = scrape(user, "demo");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("localisation_requests");
    }
    Reply anonymous = http.get("/actuator/prometheus");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void requestsByStatusAndStageAreTheRegistrysCounts() throws IOException {
    long rejected = jdbc.sql("SELECT COUNT(*) FROM localisation_request WHERE status = 'REJECTED' AND stage = 'DONE'").query(Long.class).single();

    // the figures are read at most every ten seconds: the scrape catches up with the registry
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(value(scrapeText(), "localisation_requests{stage=\"DONE\",status=\"REJECTED\"}")).isEqualTo(rejected));
    String text = scrapeText();
    assertThat(text)
        .contains("# TYPE localisation_requests gauge")
        .contains("localisation_requests{stage=\"ASSESSMENT\",status=\"IN_PROGRESS\"}")
        .contains("localisation_requests{stage=\"DONE\",status=\"WITHDRAWN\"}");
  }

  @Test
  void overdueTasksStageDurationsNotificationsAndJobsHaveTheirLabels() throws IOException {
    String text = scrapeText();

    assertThat(text)
        .contains("# TYPE localisation_tasks_overdue gauge")
        .contains("localisation_tasks_overdue{group=\"investment-department\"}")
        .contains("localisation_tasks_overdue{group=\"investment-board\"}")
        .contains("# TYPE localisation_stage_duration_seconds histogram")
        .contains("localisation_stage_duration_seconds_bucket{stage=\"ASSESSMENT\",le=\"86400.0\"}")
        .contains("localisation_stage_duration_seconds_bucket{stage=\"SCREENING\",le=\"+Inf\"}")
        .contains("localisation_stage_duration_seconds_count{stage=\"FINAL_APPROVAL\"}")
        // notification's own: letters waiting and failed, attempts by outcome
        .containsPattern("localisation_notifications\\{[^}]*status=\"FAILED\"")
        .containsPattern("localisation_notifications_attempts_total\\{[^}]*outcome=\"sent\"")
        .contains("localisation_jobs{state=\"executable\"}")
        .contains("localisation_jobs{state=\"failed\"}");
    // a request rejected at the assessment left the stages before it and the assessment itself
    assertThat(value(text, "localisation_stage_duration_seconds_count{stage=\"ASSESSMENT\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(text, "localisation_stage_duration_seconds_bucket{stage=\"ASSESSMENT\",le=\"+Inf\"}"))
        .isEqualTo(value(text, "localisation_stage_duration_seconds_count{stage=\"ASSESSMENT\"}"));
  }

  @Test
  void theJvmHttpAndTheJobExecutorAreThereToo() throws IOException {
    http.as("admin", "admin").get("/actuator/health");

    String text = scrapeText();

    assertThat(text)
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_threads_live_threads{")
        .contains("http_server_requests_seconds_count{")
        .contains("application=\"localisation-approval\"")
        // job execution is off in the tests: the executor is there, idle
        .containsPattern("(?m)^camunda_job_executor_active\\{[^}]*\\} 0.0$")
        .contains("camunda_job_executor_threads_active{", "camunda_job_executor_queue_size{");
  }

  private Reply scrape(String user, String password) {
    return http.as(user, password).get("/actuator/prometheus");
  }

  /** A scrape as Prometheus gets it; the last one is kept in {@code target/metrics/scrape.txt} to read. */
  private String scrapeText() throws IOException {
    Reply reply = scrape(OPERATOR, OPERATOR_PASSWORD);
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    Files.createDirectories(SCRAPE.getParent());
    Files.writeString(SCRAPE, reply.body());
    return reply.body();
  }

  /** The value of one series (name with its labels, as exposed), or fails. */
  private static long value(String text, String series) {
    Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    assertThat(matcher.find()).as(series + " in the scrape").isTrue();
    return (long) Double.parseDouble(matcher.group(1));
  }
}
