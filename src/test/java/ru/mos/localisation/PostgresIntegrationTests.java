package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.process.ProcessVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.process.ProcessVariables.FINAL_DECISION;
import static ru.mos.localisation.process.ProcessVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.process.ProcessVariables.REQUEST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * The whole application on a real PostgreSQL, as in production: Flyway migrations, Camunda's
 * schema, the job executor running the asynchronous screening by itself, and both HTTP doors
 * (the investor API and {@code /engine-rest}) called over the network with HTTP Basic.
 *
 * <p>The database is a bean of this test's context, so it starts with the context and the
 * context closes it last, after the engine, its job executor and the connection pool
 * ({@code @DirtiesContext}: after this class). Other test contexts in the same JVM have engines of
 * their own, so the engine's name is unique and {@code /engine-rest} is called with it
 * ({@code /engine-rest/engine/<name>/…}); in production the one engine is {@code default} and the
 * same resources answer without the prefix.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // the screening job runs by itself, as in production
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=2000",
      // other Spring test contexts with their own engines live in the same JVM
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.generate-unique-process-application-name=true"
    })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresIntegrationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final String INVESTOR_REGISTRATION_NUMBER = "91310000MA1FL0000X";

  private static final User INVESTOR = new User("investor", "demo");
  private static final User INVESTOR2 = new User("investor2", "demo");
  private static final User OFFICER = new User("investment.officer", "demo");
  private static final User HEAD = new User("investment.head", "demo");
  private static final User ADMIN = new User("admin", "admin");
  private static final User ANONYMOUS = null;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String engineRest;
  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final RequestRegistry registry;

  @Autowired
  PostgresIntegrationTests(
      @LocalServerPort int port,
      ProcessEngine processEngine,
      JdbcTemplate jdbc,
      HistoryService historyService,
      RequestRegistry registry) {
    this.baseUrl = "http://localhost:" + port;
    this.engineRest = "/engine-rest/engine/" + processEngine.getName();
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.registry = registry;
  }

  /** A real PostgreSQL for this context: started with it, closed after everything that uses it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.start();
    }

    /** Points the application's data source at the embedded database instead of spring.datasource.*. */
    @Bean
    JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
      String url = "jdbc:postgresql://localhost:%d/postgres".formatted(postgres.getPort());
      return new JdbcConnectionDetails() {
        @Override
        public String getUsername() {
          return "postgres";
        }

        @Override
        public String getPassword() {
          return "";
        }

        @Override
        public String getJdbcUrl() {
          return url;
        }
      };
    }
  }

  @Test
  void approvesRequestFromSubmissionToAgreementOnPostgres() {
    // given an investor's complete request
    Reply submitted = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson("PG-HAPPY-001"));
    assertThat(submitted.status()).isEqualTo(201);
    String number = submitted.body().path("number").asText();
    assertThat(number).matches("LOC-\\d{4}-\\d{5}");

    // when the screening job has run and the officials decide over /engine-rest
    String assessment = awaitTask(OFFICER, number, "Task_AssessRequest");
    assertThat(complete(OFFICER, assessment, ASSESSMENT_DECISION, "PROCEED").status()).isEqualTo(204);
    String finalApproval = awaitTask(HEAD, number, "Task_DecideFinalApproval");
    assertThat(complete(HEAD, finalApproval, FINAL_DECISION, "APPROVE").status()).isEqualTo(204);

    // then the investor sees the approval with an agreement number and a timeline
    Reply view = get(INVESTOR, REQUESTS + "/" + number);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body().path("status").asText()).isEqualTo("APPROVED");
    assertThat(view.body().path("stage").asText()).isEqualTo("DONE");
    assertThat(view.body().path("agreementNumber").asText())
        .isEqualTo("AGR-" + number.substring("LOC-".length()));
    assertThat(texts(view.body().path("timeline"), "type")).isNotEmpty().contains("REGISTERED", "APPROVED");
    // the outbox holds the approval notice, and the process has ended at its approved end event
    assertThat(notificationTypes(number)).contains("APPROVED");
    HistoricProcessInstance instance =
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(instance.getEndTime()).isNotNull();
    assertThat(instance.getEndActivityId()).isEqualTo("Event_RequestApproved");
  }

  @Test
  void waitsForMissingDocumentsAndResumesWhenSuppliedOnPostgres() {
    // given a recycling request without its environmental impact summary
    Reply submitted =
        post(INVESTOR, REQUESTS, withoutDocument(TestRequests.recyclingPlantJson("PG-DOCS-001"), "ENVIRONMENTAL_IMPACT_SUMMARY"));
    assertThat(submitted.status()).isEqualTo(201);
    String number = submitted.body().path("number").asText();
    Reply incomplete = get(INVESTOR, REQUESTS + "/" + number);
    assertThat(incomplete.body().path("stage").asText()).isEqualTo("DOCUMENTS");
    assertThat(texts(incomplete.body().path("missingDocuments"))).containsExactly("ENVIRONMENTAL_IMPACT_SUMMARY");

    // when an official confirms the list, the investor is asked for the document
    String confirmation = awaitTask(OFFICER, number, "Task_ConfirmMissingDocuments");
    assertThat(complete(OFFICER, confirmation, MISSING_DOCUMENTS_CONFIRMED, true).status()).isEqualTo(204);
    assertThat(notificationTypes(number)).contains("DOCUMENTS_MISSING");

    // and when the investor supplies it, the request moves on to screening and assessment
    String documents = REQUESTS + "/" + number + "/documents";
    Reply supplied = post(INVESTOR, documents, "{\"documents\":[\"ENVIRONMENTAL_IMPACT_SUMMARY\"]}");
    assertThat(supplied.status()).isEqualTo(200);
    assertThat(supplied.body().path("missingDocuments").isEmpty()).isTrue();
    assertThat(awaitTask(OFFICER, number, "Task_AssessRequest")).isNotBlank();

    // then supplying again, now that nothing waits for documents, is a conflict
    Reply again = post(INVESTOR, documents, "{\"documents\":[\"ENVIRONMENTAL_IMPACT_SUMMARY\"]}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.body().path("status").asInt()).isEqualTo(409);
  }

  @Test
  void registersOneRequestWhenTwentySubmissionsOfTheSameReferenceRace() throws Exception {
    // given twenty investor portal retries of one request, released at the same moment
    String reference = "PG-RACE-001";
    String body = TestRequests.recyclingPlantJson(reference);
    long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    int submitters = 20;
    CountDownLatch startGate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < submitters; i++) {
        futures.add(
            pool.submit(
                () -> {
                  startGate.await();
                  return post(INVESTOR, REQUESTS, body);
                }));
      }

      // when they all submit at once
      startGate.countDown();
      for (Future<Reply> future : futures) {
        replies.add(future.get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    // then exactly one created the request and all the others got that same request back
    assertThat(replies).extracting(Reply::status).allMatch(status -> status == 200 || status == 201);
    assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
    List<String> numbers = replies.stream().map(reply -> reply.body().path("number").asText()).distinct().toList();
    assertThat(numbers).hasSize(1);
    String number = numbers.get(0);
    assertThat(number).matches("LOC-\\d{4}-\\d{5}");
    // one row in the registry, one process instance, and no orphan instance of a losing intake
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM localisation_request WHERE investor_registration_number = ? AND external_reference = ?",
                Long.class,
                INVESTOR_REGISTRATION_NUMBER,
                reference))
        .isEqualTo(1L);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore + 1);
  }

  @Test
  void hidesOneInvestorsRequestFromAnotherInvestor() {
    // given a request of the first investor
    Reply submitted = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson("PG-OWN-001"));
    assertThat(submitted.status()).isEqualTo(201);
    String number = submitted.body().path("number").asText();
    assertThat(texts(get(INVESTOR, REQUESTS + "?size=100").body().path("items"), "number")).contains(number);

    // when the second investor looks for it
    Reply foreign = get(INVESTOR2, REQUESTS + "/" + number);
    Reply foreignList = get(INVESTOR2, REQUESTS + "?size=100");

    // then it does not exist for them
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    assertThat(foreignList.status()).isEqualTo(200);
    assertThat(texts(foreignList.body().path("items"), "number")).doesNotContain(number);
  }

  @Test
  void startsProcessThroughCamundaRestWithJsonOrStringRequestOnPostgres() {
    // when an administrator starts the process with the request as a Json variable
    String jsonReference = "PG-REST-JSON-001";
    Reply jsonStart = post(ADMIN, start(), startBody(TestRequests.recyclingPlantJson(jsonReference), "Json"));

    // then the request is registered under the instance's business key
    assertThat(jsonStart.status()).isEqualTo(200);
    assertRegisteredUnderBusinessKey(jsonStart, jsonReference);

    // and the same request as a String variable works too
    String stringReference = "PG-REST-STRING-001";
    Reply stringStart = post(ADMIN, start(), startBody(TestRequests.recyclingPlantJson(stringReference), "String"));
    assertThat(stringStart.status()).isEqualTo(200);
    assertRegisteredUnderBusinessKey(stringStart, stringReference);
  }

  @Test
  void refusesInvalidOrAnonymousStartThroughCamundaRestAndStoresNothing() {
    long requestsBefore = countRequests();
    long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    // when the request has a hazard class that does not exist
    String invalidReference = "PG-REST-INVALID-001";
    Reply invalid =
        post(ADMIN, start(), startBody(withHazardClass(TestRequests.recyclingPlantJson(invalidReference), 9), "Json"));
    // and when a caller without credentials starts a valid one
    String anonymousReference = "PG-REST-ANON-001";
    Reply anonymous = post(ANONYMOUS, start(), startBody(TestRequests.recyclingPlantJson(anonymousReference), "Json"));

    // then both are refused and neither left a request or a process instance behind
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("message").asText()).contains("hazardClass");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(registry.findByExternalReference(INVESTOR_REGISTRATION_NUMBER, invalidReference)).isEmpty();
    assertThat(registry.findByExternalReference(INVESTOR_REGISTRATION_NUMBER, anonymousReference)).isEmpty();
    assertThat(countRequests()).isEqualTo(requestsBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore);
  }

  // --- helpers -------------------------------------------------------------------------------

  private void assertRegisteredUnderBusinessKey(Reply start, String externalReference) {
    String businessKey = start.body().path("businessKey").asText();
    assertThat(businessKey).matches("LOC-\\d{4}-\\d{5}");
    Optional<LocalisationRequest> registered = registry.find(businessKey);
    assertThat(registered).isPresent();
    assertThat(registered.get().externalReference()).isEqualTo(externalReference);
    assertThat(registered.get().processInstanceId()).isEqualTo(start.body().path("id").asText());
  }

  /** Waits until the process of a request has the task open, as the official sees it over REST. */
  private String awaitTask(User official, String businessKey, String taskDefinitionKey) {
    String query =
        engineRest + "/task?processInstanceBusinessKey=%s&taskDefinitionKey=%s".formatted(businessKey, taskDefinitionKey);
    return awaitValue(
        "task " + taskDefinitionKey + " of " + businessKey,
        () -> {
          Reply tasks = get(official, query);
          assertThat(tasks.status()).as("task query: %s", tasks.body()).isEqualTo(200);
          return tasks.body().size() == 1 ? Optional.of(tasks.body().get(0).path("id").asText()) : Optional.empty();
        });
  }

  /** Polls until the probe yields a value; fails after {@link #TIMEOUT}. */
  private static <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out after " + TIMEOUT + " waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }

  private Reply complete(User official, String taskId, String variable, Object value) {
    ObjectNode body = json.createObjectNode();
    body.putObject("variables").putObject(variable).set("value", json.valueToTree(value));
    return post(official, engineRest + "/task/" + taskId + "/complete", body.toString());
  }

  private String start() {
    return engineRest + "/process-definition/key/" + PROCESS_KEY + "/start";
  }

  private String startBody(String request, String type) {
    ObjectNode body = json.createObjectNode();
    body.putObject("variables").putObject(REQUEST).put("value", request).put("type", type);
    return body.toString();
  }

  private String withoutDocument(String request, String document) {
    ObjectNode node = parse(request);
    ArrayNode documents = (ArrayNode) node.path("documents");
    for (int i = documents.size() - 1; i >= 0; i--) {
      if (documents.get(i).asText().equals(document)) {
        documents.remove(i);
      }
    }
    return node.toString();
  }

  private String withHazardClass(String request, int hazardClass) {
    ObjectNode node = parse(request);
    ((ObjectNode) node.path("project")).put("hazardClass", hazardClass);
    return node.toString();
  }

  private ObjectNode parse(String text) {
    try {
      return (ObjectNode) json.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private List<String> notificationTypes(String number) {
    return jdbc.queryForList(
        "SELECT type FROM investor_notification WHERE request_number = ? ORDER BY id", String.class, number);
  }

  private long countRequests() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM localisation_request", Long.class);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asText()).toList();
  }

  private Reply get(User user, String path) {
    return send(user, "GET", path, null);
  }

  private Reply post(User user, String path, String body) {
    return send(user, "POST", path, body);
  }

  private Reply send(User user, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    if (user != null) {
      request.header("Authorization", user.basicAuthorization());
    }
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
    } else {
      request.method(method, BodyPublishers.noBody());
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode parsed = text == null || text.isBlank() ? MissingNode.getInstance() : json.readTree(text);
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  /** A demo account and its password. */
  private record User(String id, String password) {
    String basicAuthorization() {
      return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An HTTP answer: status, content type and the JSON body (missing when empty). */
  private record Reply(int status, String contentType, JsonNode body) {}
}
