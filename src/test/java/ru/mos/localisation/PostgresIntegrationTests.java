package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;
import static ru.mos.localisation.documents.DocumentVariables.MISSING_DOCUMENTS_CONFIRMED;
import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.HttpTestClient.Credentials;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * The whole application on a real PostgreSQL, as in production: Flyway migrations, Camunda's
 * schema, the job executor running the asynchronous screening by itself, and both HTTP doors
 * (the investor API and {@code /engine-rest}) called over the network with HTTP Basic.
 *
 * <p>The database is a bean of the shared {@link PostgresTest} context, so it starts with the
 * context and the context closes it last, after the engine, its job executor and the connection
 * pool. Other test contexts in the same JVM have engines of their own, so the engine's name is
 * unique and {@code /engine-rest} is called with it ({@code /engine-rest/engine/<name>/…}); in
 * production the one engine is {@code default} and the same resources answer without the prefix.
 */
@PostgresTest
class PostgresIntegrationTests {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresIntegrationTests.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String REQUESTS = "/api/v1/localisation-requests";
  private static final String INVESTOR_REGISTRATION_NUMBER = "91310000MA1FL0000X";

  private static final Credentials INVESTOR = new Credentials("investor", "demo");
  private static final Credentials INVESTOR2 = new Credentials("investor2", "demo");
  private static final Credentials OFFICER = new Credentials("investment.officer", "demo");
  private static final Credentials HEAD = new Credentials("investment.head", "demo");
  private static final Credentials ECO_REVIEWER = new Credentials("eco.reviewer", "demo");
  private static final Credentials MOSPROM_SPECIALIST = new Credentials("mosprom.specialist", "demo");
  private static final Credentials SITE_OFFICER = new Credentials("site.officer", "demo");
  private static final Credentials ADMIN = new Credentials("admin", "admin");
  private static final Credentials ANONYMOUS = null;

  private final HttpTestClient http;
  private final ObjectMapper json = new ObjectMapper();
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
    this.http = HttpTestClient.onPort(port, TIMEOUT);
    this.engineRest = "/engine-rest/engine/" + processEngine.getName();
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.registry = registry;
  }

  @Test
  void approvesRequestFromSubmissionToAgreementWithAnAllocatedSiteOnPostgres() {
    // given an investor's complete request for a battery-recycling plant
    String number = submit("PG-HAPPY-001");

    // when the department proceeds and the environmental reviewer approves over /engine-rest
    assessAndReviewEnvironmentalImpact(number);
    // and, in parallel, Mosprom prepares the support package and the site officer selects a site
    prepareSupportPackage(number);
    String siteId = selectBestCandidateSite(number);
    Reply offered = get(INVESTOR, REQUESTS + "/" + number);
    assertThat(offered.json().path("stage").asText()).isEqualTo("SUPPORT_AND_SITE");
    assertThat(offered.json().path("candidateSiteIds").isEmpty()).isTrue();
    assertThat(offered.json().path("site").path("id").asText()).isEqualTo(siteId);
    assertThat(offered.json().path("site").path("status").asText()).isEqualTo("RESERVED");
    assertThat(notificationTypes(number)).contains("SUPPORT_PACKAGE_REGISTERED", "SITE_OFFERED");
    // and the investor accepts the offered site
    Reply answered = answerSiteOffer(number, true);
    assertThat(answered.statusCode()).as("answer: %s", answered.json()).isEqualTo(200);
    assertThat(answered.json().path("stage").asText()).isEqualTo("FINAL_APPROVAL");
    // and the board approves
    String finalApproval = awaitTask(HEAD, number, "Task_DecideFinalApproval");
    assertThat(complete(HEAD, finalApproval, FINAL_DECISION, "APPROVE").statusCode()).isEqualTo(204);

    // then the investor sees the approval with an agreement number, the allocated site and a timeline
    Reply view = get(INVESTOR, REQUESTS + "/" + number);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.json().path("status").asText()).isEqualTo("APPROVED");
    assertThat(view.json().path("stage").asText()).isEqualTo("DONE");
    assertThat(view.json().path("agreementNumber").asText())
        .isEqualTo("AGR-" + number.substring("LOC-".length()));
    JsonNode site = view.json().path("site");
    assertThat(site.path("id").asText()).isEqualTo(siteId);
    assertThat(site.path("status").asText()).isEqualTo("ALLOCATED");
    assertThat(site.path("requestNumber").asText()).isEqualTo(number);
    assertThat(texts(view.json().path("timeline"), "type"))
        .contains(
            "REGISTERED",
            "STAGE_ENVIRONMENTAL_REVIEW",
            "SUPPORT_PACKAGE_REGISTERED",
            "SITES_MATCHED",
            "SITE_RESERVED",
            "SITE_OFFERED",
            "SITE_ALLOCATED",
            "APPROVED");
    // and the site registry shows the site allocated to this request
    JsonNode registered = siteInRegistry(siteId);
    assertThat(registered.path("status").asText()).isEqualTo("ALLOCATED");
    assertThat(registered.path("requestNumber").asText()).isEqualTo(number);
    // the reservation ended as an allocation, the support package is stored, the outbox holds the notice
    assertThat(reservations(number)).containsExactly(Map.entry(siteId, "ALLOCATED"));
    assertThat(
            jdbc.queryForMap(
                "SELECT measures, personnel_exchange_plan FROM support_package WHERE request_number = ?", number))
        .containsEntry("measures", "TRADE_MISSION")
        .containsEntry("personnel_exchange_plan", "Exchange of 10 engineers with the plant in Shanghai");
    assertThat(notificationTypes(number)).contains("APPROVED");
    // both process instances have ended where the model says
    assertThat(endedInstance(PROCESS_KEY, number).getEndActivityId()).isEqualTo("Event_RequestApproved");
    assertThat(endedInstance(SITE_ALLOCATION_PROCESS_KEY, number).getEndActivityId()).isEqualTo("Event_SiteReserved");
  }

  @Test
  void withdrawalWhileASiteOfferAwaitsAnAnswerReleasesTheSiteOnPostgres() {
    // given a request with a site reserved and offered, and the support package still being prepared
    String number = submit("PG-WITHDRAW-001");
    assessAndReviewEnvironmentalImpact(number);
    String siteId = selectBestCandidateSite(number);
    assertThat(siteInRegistry(siteId).path("status").asText()).isEqualTo("RESERVED");
    assertThat(siteInRegistry(siteId).path("requestNumber").asText()).isEqualTo(number);

    // when the investor withdraws it
    Reply withdrawn = post(INVESTOR, REQUESTS + "/" + number + "/withdrawal", "{\"reason\": \"Moving the plant to Kazan\"}");

    // then the request is closed as withdrawn and the site is available to others again
    assertThat(withdrawn.statusCode()).as("withdrawal: %s", withdrawn.json()).isEqualTo(200);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("stage").asText()).isEqualTo("DONE");
    assertThat(withdrawn.json().path("site").isNull()).as("site: %s", withdrawn.json().path("site")).isTrue();
    JsonNode released = siteInRegistry(siteId);
    assertThat(released.path("status").asText()).isEqualTo("AVAILABLE");
    assertThat(released.path("requestNumber").textValue()).isNull();
    assertThat(reservations(number)).containsExactly(Map.entry(siteId, "RELEASED"));
    assertThat(notificationTypes(number)).contains("SITE_OFFERED", "WITHDRAWN");
    assertThat(texts(withdrawn.json().path("timeline"), "type")).contains("SITE_RELEASED", "WITHDRAWN");
    // no official still has work on it, and neither process instance runs on
    assertThat(get(ADMIN, engineRest + "/task?processInstanceBusinessKey=" + number + "&maxResults=10").json()).isEmpty();
    String requestInstance = endedInstance(PROCESS_KEY, number).getId();
    // (Camunda names the event subprocess as the end activity; the end event inside it was passed)
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(requestInstance)
                .activityId("Event_RequestWithdrawnClosed")
                .finished()
                .count())
        .isOne();
    assertThat(endedInstance(SITE_ALLOCATION_PROCESS_KEY, number).getEndTime()).isNotNull();

    // and withdrawing again, or answering the offer now, is a conflict
    Reply again = post(INVESTOR, REQUESTS + "/" + number + "/withdrawal", "{\"reason\": \"Once more\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().path("status").asInt()).isEqualTo(409);
    assertThat(answerSiteOffer(number, true).statusCode()).isEqualTo(409);
    assertThat(get(INVESTOR, REQUESTS + "/" + number).json().path("status").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void withdrawalWhileASiteIsBeingSelectedLeavesNoCandidatesBehindOnPostgres() {
    // given a request whose site officer is choosing among candidate sites
    String number = submit("PG-WITHDRAW-002");
    assessAndReviewEnvironmentalImpact(number);
    awaitTask(SITE_OFFICER, number, "Task_SelectSite");
    assertThat(get(INVESTOR, REQUESTS + "/" + number).json().path("candidateSiteIds")).isNotEmpty();

    // when the investor withdraws it
    Reply withdrawn = post(INVESTOR, REQUESTS + "/" + number + "/withdrawal", "{\"reason\": \"Postponed\"}");

    // then nothing is being selected any more: no task, no candidates, no site
    assertThat(withdrawn.statusCode()).as("withdrawal: %s", withdrawn.json()).isEqualTo(200);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(get(ADMIN, engineRest + "/task?processInstanceBusinessKey=" + number + "&maxResults=10").json()).isEmpty();
    assertThat(withdrawn.json().path("candidateSiteIds")).as("candidate sites of a withdrawn request").isEmpty();
    assertThat(withdrawn.json().path("site").isNull()).isTrue();
    assertThat(reservations(number)).isEmpty();
  }

  @Test
  void waitsForMissingDocumentsAndResumesWhenSuppliedOnPostgres() {
    // given a recycling request without its environmental impact summary
    Reply submitted =
        post(INVESTOR, REQUESTS, withoutDocument(TestRequests.recyclingPlantJson("PG-DOCS-001"), "ENVIRONMENTAL_IMPACT_SUMMARY"));
    assertThat(submitted.statusCode()).isEqualTo(201);
    String number = submitted.json().path("number").asText();
    Reply incomplete = get(INVESTOR, REQUESTS + "/" + number);
    assertThat(incomplete.json().path("stage").asText()).isEqualTo("DOCUMENTS");
    assertThat(texts(incomplete.json().path("missingDocuments"))).containsExactly("ENVIRONMENTAL_IMPACT_SUMMARY");

    // when an official confirms the list, the investor is asked for the document
    String confirmation = awaitTask(OFFICER, number, "Task_ConfirmMissingDocuments");
    assertThat(complete(OFFICER, confirmation, MISSING_DOCUMENTS_CONFIRMED, true).statusCode()).isEqualTo(204);
    assertThat(notificationTypes(number)).contains("DOCUMENTS_MISSING");

    // and when the investor supplies it, the request moves on to screening and assessment
    String documents = REQUESTS + "/" + number + "/documents";
    Reply supplied = post(INVESTOR, documents, "{\"documents\":[\"ENVIRONMENTAL_IMPACT_SUMMARY\"]}");
    assertThat(supplied.statusCode()).isEqualTo(200);
    assertThat(supplied.json().path("missingDocuments").isEmpty()).isTrue();
    assertThat(awaitTask(OFFICER, number, "Task_AssessRequest")).isNotBlank();

    // then supplying again, now that nothing waits for documents, is a conflict
    Reply again = post(INVESTOR, documents, "{\"documents\":[\"ENVIRONMENTAL_IMPACT_SUMMARY\"]}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().path("status").asInt()).isEqualTo(409);
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
    assertThat(replies).extracting(Reply::statusCode).allMatch(status -> status == 200 || status == 201);
    assertThat(replies).filteredOn(reply -> reply.statusCode() == 201).hasSize(1);
    List<String> numbers = replies.stream().map(reply -> reply.json().path("number").asText()).distinct().toList();
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
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(number)
                .count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore + 1);
  }

  @Test
  void aReferenceAnotherAccountFiledFirstNeitherBlocksNorRevealsTheInvestorsRequest() {
    // given another account filed the investor's reference under the investor's registration number
    String reference = "PG-SQUAT-001";
    Reply squatted = post(INVESTOR2, REQUESTS, TestRequests.recyclingPlantJson(reference));
    assertThat(squatted.statusCode()).isEqualTo(201);

    // when the investor files it, and again
    Reply rightful = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson(reference));
    Reply again = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson(reference));

    // then the investor has a request of its own, and its repetition answers that one
    assertThat(rightful.statusCode()).isEqualTo(201);
    String number = rightful.json().path("number").asText();
    assertThat(number).isNotEqualTo(squatted.json().path("number").asText());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.json().path("number").asText()).isEqualTo(number);
    assertThat(countRequestsWithReference(reference)).isEqualTo(2);
  }

  @Test
  void hidesOneInvestorsRequestFromAnotherInvestor() {
    // given a request of the first investor
    Reply submitted = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson("PG-OWN-001"));
    assertThat(submitted.statusCode()).isEqualTo(201);
    String number = submitted.json().path("number").asText();
    assertThat(texts(get(INVESTOR, REQUESTS + "?size=100").json().path("items"), "number")).contains(number);

    // when the second investor looks for it
    Reply foreign = get(INVESTOR2, REQUESTS + "/" + number);
    Reply foreignList = get(INVESTOR2, REQUESTS + "?size=100");

    // then it does not exist for them
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    assertThat(foreignList.statusCode()).isEqualTo(200);
    assertThat(texts(foreignList.json().path("items"), "number")).doesNotContain(number);
  }

  @Test
  void startsProcessThroughCamundaRestWithJsonOrStringRequestOnPostgres() {
    // when an administrator starts the process with the request as a Json variable
    String jsonReference = "PG-REST-JSON-001";
    Reply jsonStart = post(ADMIN, start(), startBody(TestRequests.recyclingPlantJson(jsonReference), "Json"));

    // then the request is registered under the instance's business key
    assertThat(jsonStart.statusCode()).isEqualTo(200);
    assertRegisteredUnderBusinessKey(jsonStart, jsonReference);

    // and the same request as a String variable works too
    String stringReference = "PG-REST-STRING-001";
    Reply stringStart = post(ADMIN, start(), startBody(TestRequests.recyclingPlantJson(stringReference), "String"));
    assertThat(stringStart.statusCode()).isEqualTo(200);
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
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.json().path("message").asText()).contains("hazardClass");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(registry.findByExternalReference("admin", invalidReference)).isEmpty();
    assertThat(countRequestsWithReference(anonymousReference)).isZero();
    assertThat(countRequests()).isEqualTo(requestsBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore);
  }

  // --- helpers -------------------------------------------------------------------------------

  private long countRequestsWithReference(String externalReference) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM localisation_request WHERE external_reference = ?", Long.class, externalReference);
  }

  /** Files the example request under a new external reference; answers its registry number. */
  @Test
  void aTwentyMebibyteFileStreamsIntoPostgresAndBackWithinABoundedHeap(@TempDir Path directory) throws IOException {
    // given a running request and a file of exactly the 20 MiB a document may have
    String number = submit("PG-DOCS-20MIB");
    Path file = Multipart.pdf(directory.resolve("business-plan-full.pdf"), 20L * 1024 * 1024);
    HttpTestClient investor = http.as(INVESTOR);
    String documents = REQUESTS + "/" + number + "/documents";
    // (the first upload of the node loads Tika's table of magic bytes, several MiB, once)
    assertThat(Multipart.post(investor, documents, List.of(Multipart.Part.sample("LICENCES", "licence.png"))).statusCode())
        .isEqualTo(201);

    // when the investor uploads it, and downloads it again
    Map<Long, Long> beforeUpload = serverThreadAllocations();
    Reply stored = Multipart.post(investor, documents, List.of(Multipart.Part.file("BUSINESS_PLAN", file)));
    long uploadAllocated = allocatedSince(beforeUpload);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    JsonNode document = stored.json().path("documents").get(0);
    Map<Long, Long> beforeDownload = serverThreadAllocations();
    Reply downloaded = investor.get(documents + "/" + document.path("id").asText());
    long downloadAllocated = allocatedSince(beforeDownload);

    // then it came back byte for byte, and is what the database holds
    String sha256 = Multipart.sha256(file);
    assertThat(document.path("sha256").asText()).isEqualTo(sha256);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.bytes()).hasSize((int) Files.size(file));
    assertThat(Multipart.sha256(downloaded.bytes())).isEqualTo(sha256);
    assertThat(jdbc.queryForObject("SELECT octet_length(content) FROM request_document WHERE id = ?", Long.class, document.path("id").asText()))
        .isEqualTo(Files.size(file));
    // and the server's threads allocated far less than the file while receiving it: the part went
    // to a temporary file and from there as a stream into the statement, never into one array
    LOG.info("20 MiB document: server threads allocated {} KiB for the upload, {} KiB for the download",
        uploadAllocated / 1024, downloadAllocated / 1024);
    assertThat(uploadAllocated).isLessThan(8L * 1024 * 1024);

    // and another investor does not even learn that the file exists
    HttpTestClient other = http.as(INVESTOR2);
    assertThat(other.get(documents + "/" + document.path("id").asText()).statusCode()).isEqualTo(404);
    assertThat(other.get(documents).statusCode()).isEqualTo(404);
  }

  /** Bytes allocated so far by each of Tomcat's threads (the requests' workers), by thread id. */
  private static Map<Long, Long> serverThreadAllocations() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Long> allocated = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("http-nio-")) {
        allocated.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId()));
      }
    }
    return allocated;
  }

  private static long allocatedSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> now : serverThreadAllocations().entrySet()) {
      total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return total;
  }

  private String submit(String externalReference) {
    Reply submitted = post(INVESTOR, REQUESTS, TestRequests.recyclingPlantJson(externalReference));
    assertThat(submitted.statusCode()).as("submission: %s", submitted.json()).isEqualTo(201);
    String number = submitted.json().path("number").asText();
    assertThat(number).matches("LOC-\\d{4}-\\d{5}");
    return number;
  }

  /** Once screening has run: the department proceeds, the environmental reviewer approves. */
  private void assessAndReviewEnvironmentalImpact(String number) {
    String assessment = awaitTask(OFFICER, number, "Task_AssessRequest");
    assertThat(complete(OFFICER, assessment, ASSESSMENT_DECISION, "PROCEED").statusCode()).isEqualTo(204);
    String review = awaitTask(ECO_REVIEWER, number, "Task_ReviewEnvironmentalImpact");
    assertThat(get(INVESTOR, REQUESTS + "/" + number).json().path("stage").asText()).isEqualTo("ENVIRONMENTAL_REVIEW");
    ObjectNode variables = json.createObjectNode();
    variables.set(ENVIRONMENTAL_DECISION, variable("APPROVE", "String"));
    variables.set(ENVIRONMENTAL_CONDITIONS, variable("Closed-loop electrolyte handling", "String"));
    Reply approved = complete(ECO_REVIEWER, review, variables);
    assertThat(approved.statusCode()).as("environmental review: %s", approved.json()).isEqualTo(204);
  }

  /** Mosprom's package: a trade mission and the personnel exchange the investor asked for. */
  private void prepareSupportPackage(String number) {
    String task = awaitTask(MOSPROM_SPECIALIST, number, "Task_PrepareSupportPackage");
    ObjectNode variables = json.createObjectNode();
    variables.set(SUPPORT_MEASURES, variable("[\"TRADE_MISSION\"]", "Json"));
    variables.set(PERSONNEL_EXCHANGE_PLAN, variable("Exchange of 10 engineers with the plant in Shanghai", "String"));
    Reply prepared = complete(MOSPROM_SPECIALIST, task, variables);
    assertThat(prepared.statusCode()).as("support package: %s", prepared.json()).isEqualTo(204);
  }

  /**
   * The site officer picks the first candidate the investor's view shows. The task belongs to the
   * called site-allocation instance, which shares the business key with the request's instance.
   */
  private String selectBestCandidateSite(String number) {
    String task = awaitTask(SITE_OFFICER, number, "Task_SelectSite");
    JsonNode candidates = get(INVESTOR, REQUESTS + "/" + number).json().path("candidateSiteIds");
    assertThat(candidates).as("candidate sites").isNotEmpty();
    String siteId = candidates.get(0).asText();
    Reply selected = complete(SITE_OFFICER, task, SELECTED_SITE_ID, siteId);
    assertThat(selected.statusCode()).as("site selection: %s", selected.json()).isEqualTo(204);
    return siteId;
  }

  private Reply answerSiteOffer(String number, boolean accepted) {
    return post(
        INVESTOR,
        REQUESTS + "/" + number + "/site-offer/answer",
        "{\"accepted\": %s, \"comment\": \"Close to our suppliers\"}".formatted(accepted));
  }

  /** The site as {@code GET /api/v1/sites} shows it. */
  private JsonNode siteInRegistry(String siteId) {
    Reply sites = get(INVESTOR, "/api/v1/sites");
    assertThat(sites.statusCode()).isEqualTo(200);
    return StreamSupport.stream(sites.json().spliterator(), false)
        .filter(site -> site.path("id").asText().equals(siteId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("site " + siteId + " not in the registry"));
  }

  /** The request's reservations, oldest first: site id and how each ended ({@code OPEN} while it holds). */
  private List<Map.Entry<String, String>> reservations(String number) {
    return jdbc.query(
        "SELECT site_id, outcome, ended_at FROM site_reservation WHERE request_number = ? ORDER BY id",
        (rs, row) -> {
          String outcome = rs.getString("outcome");
          assertThat(rs.getObject("ended_at") == null).as("ended_at set iff outcome set").isEqualTo(outcome == null);
          return Map.entry(rs.getString("site_id"), outcome == null ? "OPEN" : outcome);
        },
        number);
  }

  private HistoricProcessInstance endedInstance(String processDefinitionKey, String number) {
    HistoricProcessInstance instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(processDefinitionKey)
            .processInstanceBusinessKey(number)
            .singleResult();
    assertThat(instance).as("%s instance of %s", processDefinitionKey, number).isNotNull();
    assertThat(instance.getEndTime()).as("end of the %s instance of %s", processDefinitionKey, number).isNotNull();
    return instance;
  }

  private void assertRegisteredUnderBusinessKey(Reply start, String externalReference) {
    String businessKey = start.json().path("businessKey").asText();
    assertThat(businessKey).matches("LOC-\\d{4}-\\d{5}");
    Optional<LocalisationRequest> registered = registry.find(businessKey);
    assertThat(registered).isPresent();
    assertThat(registered.get().externalReference()).isEqualTo(externalReference);
    assertThat(registered.get().processInstanceId()).isEqualTo(start.json().path("id").asText());
  }

  /** Waits until the process of a request has the task open, as the official sees it over REST. */
  private String awaitTask(Credentials official, String businessKey, String taskDefinitionKey) {
    String query =
        engineRest + "/task?processInstanceBusinessKey=%s&taskDefinitionKey=%s&maxResults=10".formatted(businessKey, taskDefinitionKey);
    return awaitValue(
        "task " + taskDefinitionKey + " of " + businessKey,
        () -> {
          Reply tasks = get(official, query);
          assertThat(tasks.statusCode()).as("task query: %s", tasks.json()).isEqualTo(200);
          return tasks.json().size() == 1 ? Optional.of(tasks.json().get(0).path("id").asText()) : Optional.empty();
        });
  }

  /** Polls until the probe yields a value; fails after {@link #TIMEOUT}. */
  private static <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
    return await(what).atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
        .until(probe::get, Optional::isPresent)
        .orElseThrow();
  }

  private Reply complete(Credentials official, String taskId, String variable, Object value) {
    ObjectNode variables = json.createObjectNode();
    variables.putObject(variable).set("value", json.valueToTree(value));
    return complete(official, taskId, variables);
  }

  private Reply complete(Credentials official, String taskId, ObjectNode variables) {
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return post(official, engineRest + "/task/" + taskId + "/complete", body.toString());
  }

  /** A typed variable of Camunda's REST API: {@code {"value": ..., "type": ...}}. */
  private ObjectNode variable(String value, String type) {
    return json.createObjectNode().put("value", value).put("type", type);
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

  private Reply get(Credentials user, String path) {
    return send(user, "GET", path, null);
  }

  private Reply post(Credentials user, String path, String body) {
    return send(user, "POST", path, body);
  }

  private Reply send(Credentials user, String method, String path, String body) {
    HttpTestClient.Request request =
        (user == null ? http : http.as(user)).request(method, path).header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.json(body);
    }
    return request.send();
  }
}
