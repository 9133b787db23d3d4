package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.process.ProcessVariables;
import ru.mos.localisation.intake.IntakeVariables;

/**
 * Malformed and hostile requests to both doors that start a request: the investor API (as an
 * investor) and Camunda's start over {@code /engine-rest} (as admin, the request in a {@code Json}
 * variable). Each is a 4xx, never a 5xx, in the door's error format, and stores nothing. Text that
 * looks like an expression but is otherwise valid is stored verbatim and never evaluated.
 */
@ApplicationTest
class HostileInputTests {

  private static final String API_PATH = "/api/v1/localisation-requests";
  private static final String START_PATH =
      "/engine-rest/process-definition/key/" + ProcessVariables.PROCESS_KEY + "/start";
  /** localisation.api.max-body-bytes and localisation.engine-rest.max-body-bytes of application.yml. */
  private static final int API_MAX_BODY_BYTES = 65_536;
  private static final int ENGINE_REST_MAX_BODY_BYTES = 1_048_576;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String SQL_INJECTION = "'; DROP TABLE localisation_request; --";
  private static final String JUEL_DOLLAR = "${execution.setVariable('x', 1)}";
  private static final String JUEL_HASH = "#{execution.setVariable('x', 1)}";

  private final HttpTestClient investor;
  private final HttpTestClient investor2;
  private final HttpTestClient admin;
  private final int port;
  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final ManagementService managementService;

  @Autowired
  HostileInputTests(
      @LocalServerPort int port, JdbcClient jdbc, HistoryService historyService, ManagementService managementService) {
    this.port = port;
    HttpTestClient http = HttpTestClient.onPort(port);
    this.investor = http.as("investor", "demo");
    this.investor2 = http.as("investor2", "demo");
    this.admin = http.as("admin", "admin");
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.managementService = managementService;
  }

  // --- the table -----------------------------------------------------------------------------

  /** A hostile request body: a name and how to make it from a fresh external reference. */
  record Hostile(String name, UnaryOperator<String> body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Hostile> hostileBodies() {
    List<Hostile> cases = new ArrayList<>();
    // not an object at all
    cases.add(new Hostile("empty body", ref -> ""));
    cases.add(new Hostile("JSON null", ref -> "null"));
    cases.add(new Hostile("empty object", ref -> "{}"));
    cases.add(new Hostile("empty array", ref -> "[]"));
    cases.add(new Hostile("array holding a valid request", ref -> "[" + valid(ref) + "]"));
    cases.add(new Hostile("plain text", ref -> "not json at all"));
    cases.add(new Hostile("truncated JSON", ref -> valid(ref).substring(0, 120)));
    cases.add(new Hostile("a bare number", ref -> "42"));
    cases.add(new Hostile("a bare string", ref -> "\"hello\""));
    cases.add(new Hostile("10,000 nested arrays", ref -> "[".repeat(10_000) + "]".repeat(10_000)));
    // wrong shapes
    cases.add(new Hostile("investor is an array", ref -> set(ref, "investor", "[1,2,3]")));
    cases.add(new Hostile("project is a string", ref -> set(ref, "project", "\"a project\"")));
    cases.add(new Hostile("project is nested garbage", ref -> set(ref, "project", "{\"a\":{\"b\":[[[{\"c\":null}]]]}}")));
    cases.add(new Hostile("documents is a string", ref -> set(ref, "documents", "\"BUSINESS_PLAN\"")));
    cases.add(new Hostile("documents is an object", ref -> set(ref, "documents", "{\"BUSINESS_PLAN\":true}")));
    cases.add(new Hostile("1,000 documents", ref -> set(ref, "documents", "[" + "\"BUSINESS_PLAN\",".repeat(999) + "\"BUSINESS_PLAN\"]")));
    cases.add(new Hostile("boolean is \"yes\"", ref -> set(ref, "exportSupportRequested", "\"yes\"")));
    // missing fields
    cases.add(new Hostile("no externalReference", ref -> remove(ref, "externalReference")));
    cases.add(new Hostile("no investor", ref -> remove(ref, "investor")));
    cases.add(new Hostile("no project", ref -> remove(ref, "project")));
    cases.add(new Hostile("project without sector", ref -> setIn(ref, "project", "sector", "null")));
    cases.add(new Hostile("blank title", ref -> setIn(ref, "project", "title", "\"   \"")));
    // unknown enums
    cases.add(new Hostile("unknown sector", ref -> setIn(ref, "project", "sector", "\"NUCLEAR_WEAPONS\"")));
    cases.add(new Hostile("unknown document type", ref -> set(ref, "documents", "[\"PASSPORT_SCAN\"]")));
    cases.add(new Hostile("lower-case sector", ref -> setIn(ref, "project", "sector", "\"battery_recycling\"")));
    // numbers
    cases.add(new Hostile("investment is text", ref -> setIn(ref, "project", "investmentRub", "\"lots\"")));
    cases.add(new Hostile("investment of 500 digits", ref -> setIn(ref, "project", "investmentRub", "9".repeat(500))));
    cases.add(new Hostile("area of 500 digits", ref -> setIn(ref, "project", "requiredAreaHa", "9".repeat(500) + ".5")));
    cases.add(new Hostile("area 1e308", ref -> setIn(ref, "project", "requiredAreaHa", "1e308")));
    cases.add(new Hostile("negative investment", ref -> setIn(ref, "project", "investmentRub", "-1")));
    cases.add(new Hostile("zero investment", ref -> setIn(ref, "project", "investmentRub", "0")));
    cases.add(new Hostile("negative jobs", ref -> setIn(ref, "project", "plannedJobs", "-5")));
    cases.add(new Hostile("zero area", ref -> setIn(ref, "project", "requiredAreaHa", "0")));
    cases.add(new Hostile("hazard class 0", ref -> setIn(ref, "project", "hazardClass", "0")));
    cases.add(new Hostile("fractional jobs", ref -> setIn(ref, "project", "plannedJobs", "3.7")));
    cases.add(new Hostile("bare NaN", ref -> setIn(ref, "project", "requiredAreaHa", "NaN")));
    cases.add(new Hostile("\"NaN\" as a string", ref -> setIn(ref, "project", "requiredAreaHa", "\"NaN\"")));
    cases.add(new Hostile("bare Infinity", ref -> setIn(ref, "project", "requiredPowerMw", "Infinity")));
    cases.add(new Hostile("\"-Infinity\" as a string", ref -> setIn(ref, "project", "requiredPowerMw", "\"-Infinity\"")));
    // duplicate keys: whichever wins, hazard class 9 or a duplicate is invalid
    cases.add(new Hostile("duplicate key", ref -> valid(ref).replace("\"hazardClass\": 3", "\"hazardClass\": 3, \"hazardClass\": 9")));
    // hostile strings in fields that refuse them
    cases.add(new Hostile("SQL injection in externalReference", ref -> set(ref, "externalReference", quote(SQL_INJECTION))));
    cases.add(new Hostile("SQL injection in country", ref -> setIn(ref, "investor", "country", quote(SQL_INJECTION))));
    cases.add(new Hostile("expression in externalReference", ref -> set(ref, "externalReference", quote(JUEL_DOLLAR))));
    cases.add(new Hostile("#{} expression in registration number", ref -> setIn(ref, "investor", "registrationNumber", quote(JUEL_HASH))));
    cases.add(new Hostile("script tag as e-mail", ref -> setIn(ref, "investor", "contactEmail", quote("<script>alert(1)</script>"))));
    cases.add(new Hostile("NUL and control characters in externalReference", ref -> set(ref, "externalReference", quote("REF\u0000\u0007\u001b[31m"))));
    cases.add(new Hostile("RTL override in country", ref -> setIn(ref, "investor", "country", quote("\u202eNC"))));
    // characters that hide or disguise text, in every kind of text field
    cases.add(new Hostile("NUL in investor name", ref -> setIn(ref, "investor", "name", quote("Ge Pai\u0000 New Energy Co."))));
    cases.add(new Hostile("BEL in investor name", ref -> setIn(ref, "investor", "name", quote("Ge Pai\u0007 New Energy Co."))));
    cases.add(new Hostile("RTL override in investor name", ref -> setIn(ref, "investor", "name", quote("\u202eBlocked Holdings Ltd"))));
    cases.add(new Hostile("zero-width space in investor name", ref -> setIn(ref, "investor", "name", quote("Blocked\u200bHoldings Ltd"))));
    cases.add(new Hostile("soft hyphen in project title", ref -> setIn(ref, "project", "title", quote("Li-ion re\u00adcycling plant"))));
    cases.add(new Hostile("C1 control in project title", ref -> setIn(ref, "project", "title", quote("Li-ion\u009b31m plant"))));
    cases.add(new Hostile("left-to-right isolate in description", ref -> setIn(ref, "project", "description", quote("Full \u2066cycle\u2069"))));
    cases.add(new Hostile("escape sequence in description", ref -> setIn(ref, "project", "description", quote("Full cycle\u001b[2J"))));
    cases.add(new Hostile("byte-order mark in contact e-mail", ref -> setIn(ref, "investor", "contactEmail", quote("\ufeffinvest@example.cn"))));
    cases.add(new Hostile("externalReference of 1,000 characters", ref -> set(ref, "externalReference", quote("A".repeat(1_000)))));
    // oversize
    cases.add(new Hostile("description of 70,000 characters", ref -> setIn(ref, "project", "description", quote("x".repeat(70_000)))));
    cases.add(new Hostile("valid request padded past 64 KiB", ref -> valid(ref) + " ".repeat(70_000)));
    return cases;
  }

  static Stream<Arguments> investorApiCases() {
    return hostileBodies().stream().map(Arguments::of);
  }

  /** The same bodies as the value of the {@code request} Json variable, and hostile envelopes. */
  static Stream<Arguments> engineRestCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Hostile hostile : hostileBodies()) {
      if (hostile.name().startsWith("valid request padded")) {
        // inside a Json variable the padding is only whitespace of a valid request, far below
        // /engine-rest's limit of 1 MiB: Camunda starts it (oversize bodies: see below)
        continue;
      }
      cases.add(Arguments.of("Json variable: " + hostile.name(), (UnaryOperator<String>) ref -> jsonVariable(hostile.body().apply(ref))));
    }
    cases.add(Arguments.of("envelope: empty body", (UnaryOperator<String>) ref -> ""));
    cases.add(Arguments.of("envelope: not JSON", (UnaryOperator<String>) ref -> "not json"));
    cases.add(Arguments.of("envelope: variables is an array", (UnaryOperator<String>) ref -> "{\"variables\": [" + valid(ref) + "]}"));
    cases.add(Arguments.of("envelope: unknown variable type", (UnaryOperator<String>) ref -> variable(valid(ref), "Nonsense")));
    cases.add(Arguments.of("envelope: request as a Long", (UnaryOperator<String>) ref -> "{\"variables\":{\"request\":{\"value\":42,\"type\":\"Long\"}}}"));
cases.add(Arguments.of("envelope: businessKey is an expression", (UnaryOperator<String>) ref -> {
      ObjectNode body = (ObjectNode) readTree(jsonVariable(valid(ref).replace("\"hazardClass\": 3", "\"hazardClass\": 0")));
      body.put("businessKey", JUEL_DOLLAR);
      return body.toString();
    }));
    return cases.stream();
  }

  // --- the tests -----------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] investor API: {0}")
  @MethodSource("investorApiCases")
  void investorApiRefusesHostileInputAndStoresNothing(Hostile hostile) throws Exception {
    long rowsBefore = registryRows();
    long instancesBefore = processInstances();

    Reply response = post(API_PATH, investor, hostile.body().apply(newReference()));

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.");
    assertThat(registryRows()).isEqualTo(rowsBefore);
    assertThat(processInstances()).isEqualTo(instancesBefore);
  }

  @ParameterizedTest(name = "[{index}] engine-rest: {0}")
  @MethodSource("engineRestCases")
  void engineRestStartRefusesHostileInputAndStoresNothing(String name, UnaryOperator<String> body) throws Exception {
    long rowsBefore = registryRows();
    long instancesBefore = processInstances();

    Reply response = post(START_PATH, admin, body.apply(newReference()));

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    if (name.equals("envelope: variables is an array") || name.equals("envelope: not JSON")) {
      // Camunda answers a body its JAX-RS Jackson provider cannot map with Jackson's plain-text message
      assertThat(response.statusCode()).isEqualTo(400);
    } else {
      JsonNode error = readTree(response.body());
      assertThat(error.path("type").asText()).as(response.body()).isNotBlank();
      if (!name.equals("envelope: empty body")) { // Camunda's InvalidRequestException has an empty message there
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
      }
    }
    assertThat(response.body()).doesNotContain("\tat ");
    assertThat(registryRows()).isEqualTo(rowsBefore);
    assertThat(processInstances()).isEqualTo(instancesBefore);
  }

  static Stream<Arguments> disguisedText() {
    return Stream.of(
        Arguments.of("investor", "name", "Ge Pai\u0000 New Energy Co.", "investor.name"),
        Arguments.of("investor", "name", "\u202eBlocked Holdings Ltd", "investor.name"),
        Arguments.of("investor", "name", "Blocked\u200bHoldings Ltd", "investor.name"),
        Arguments.of("project", "title", "Li-ion plant\u0007", "project.title"),
        Arguments.of("project", "description", "Full \u202bcycle", "project.description"));
  }

  @ParameterizedTest(name = "[{index}] {3} = {2}")
  @MethodSource("disguisedText")
  void bothDoorsNameTheFieldHoldingAControlInvisibleOrDirectionCharacterAndStoreNothing(
      String object, String field, String value, String path) throws Exception {
    String ref = newReference();
    String body = setIn(ref, object, field, quote(value));
    long rowsBefore = registryRows();
    long instancesBefore = processInstances();

    Reply api = post(API_PATH, investor, body);
    Reply engineRest = post(START_PATH, admin, jsonVariable(body));

    assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
    assertThat(api.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(readTree(api.body()).path("errors").findValuesAsText("field")).containsExactly(path);
    assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(400);
    JsonNode error = readTree(engineRest.body());
    assertThat(error.path("type").asText()).isEqualTo("InvalidInputException");
    assertThat(error.path("message").asText()).contains(path + ": must not contain U+");
    assertThat(registryRows()).isEqualTo(rowsBefore);
    assertThat(processInstances()).isEqualTo(instancesBefore);
  }

  /** Both doors, the body's length declared up front or sent chunked without one. */
  static Stream<Arguments> oversizeBodies() {
    return Stream.of(
        Arguments.of(API_PATH, API_MAX_BODY_BYTES, true),
        Arguments.of(API_PATH, API_MAX_BODY_BYTES, false),
        Arguments.of(START_PATH, ENGINE_REST_MAX_BODY_BYTES, true),
        Arguments.of(START_PATH, ENGINE_REST_MAX_BODY_BYTES, false));
  }

  @ParameterizedTest(name = "[{index}] {0}, limit {1}, length declared: {2}")
  @MethodSource("oversizeBodies")
  void aBodyOneByteAboveTheLimitIsRefusedWith413InTheDoorsFormatAndStoresNothing(
      String path, int limit, boolean lengthDeclared) throws Exception {
    String ref = newReference();
    String request = path.equals(API_PATH) ? valid(ref) : jsonVariable(valid(ref));
    // a valid request with whitespace inside: only its size is wrong
    byte[] body = padded(request, limit + 1);
    long rowsBefore = registryRows();
    long instancesBefore = processInstances();

    Reply response =
        post(path, path.equals(API_PATH) ? investor : admin, body, lengthDeclared);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    JsonNode error = readTree(response.body());
    String expected = "Request body exceeds " + limit + " bytes";
    if (path.equals(API_PATH)) {
      assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(error.path("status").asInt()).isEqualTo(413);
      assertThat(error.path("detail").asText()).isEqualTo(expected);
    } else {
      assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(error.path("type").asText()).isEqualTo("BodyTooLargeException");
      assertThat(error.path("message").asText()).isEqualTo(expected);
    }
    assertThat(registryRows()).isEqualTo(rowsBefore);
    assertThat(processInstances()).isEqualTo(instancesBefore);
  }

  @ParameterizedTest(name = "[{index}] {0}, limit {1}")
  @MethodSource("oversizeBodies")
  void aBodyOfExactlyTheLimitIsAccepted(String path, int limit, boolean lengthDeclared) throws Exception {
    String ref = newReference();
    String request = path.equals(API_PATH) ? valid(ref) : jsonVariable(valid(ref));
    byte[] body = padded(request, limit);

    Reply response =
        post(path, path.equals(API_PATH) ? investor : admin, body, lengthDeclared);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(path.equals(API_PATH) ? 201 : 200);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM localisation_request WHERE external_reference = ?").param(ref).query(Long.class).single())
        .isOne();
  }

  @Test
  void expressionsInTextFieldsOfTheInvestorApiAreStoredVerbatimAndNeverEvaluated() throws Exception {
    String ref = newReference();

    Reply response = post(API_PATH, investor, withExpressions(ref));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertStoredVerbatimAndNotEvaluated(ref);
  }

  @Test
  void expressionsInTextFieldsOfAnEngineRestStartAreStoredVerbatimAndNeverEvaluated() throws Exception {
    String ref = newReference();

    Reply response = post(START_PATH, admin, jsonVariable(withExpressions(ref)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertStoredVerbatimAndNotEvaluated(ref);
  }

  private void assertStoredVerbatimAndNotEvaluated(String ref) {
    Map<String, Object> row =
        jdbc.sql("SELECT investor_name, title, description, process_instance_id FROM localisation_request WHERE external_reference = ?")
            .param(ref)
            .query()
            .singleRow();
    assertThat(row.values()).contains(JUEL_DOLLAR, JUEL_HASH, JUEL_DOLLAR + " <script>alert(1)</script>");
    String processInstanceId =
        row.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("process_instance_id"))
            .map(e -> (String) e.getValue())
            .findFirst()
            .orElseThrow();
    // run the screening (and whatever follows as jobs) so every delegate sees the texts
    for (int i = 0; i < 5; i++) {
      Job job = managementService.createJobQuery().processInstanceId(processInstanceId).executable().singleResult();
      if (job == null) {
        break;
      }
      managementService.executeJob(job.getId());
    }
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName("x").count())
        .isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()).isNotNull();
  }

  // --- screening: look-alike names are hits, and the investor is never told ------------------

  @Test
  void aLookAlikeOfAListedNameIsAHitAndItsInvestorSeesTheSameAsAClearedOne() throws Exception {
    // given a clean request and one from the listed company spelled with a Cyrillic В and a no-break space
    String clean = fileAsInvestor(valid(newReference()));
    String flagged = fileAsInvestor(setIn(newReference(), "investor", "name", quote("\u0412locked\u00a0Holdings Ltd.")));

    // when both are screened
    String cleanInstance = screen(clean);
    String flaggedInstance = screen(flagged);

    // then the look-alike is a hit that compliance reviews, the clean one goes to the department
    assertThat(waitsAt(flaggedInstance, "Task_ReviewScreeningHit")).isTrue();
    assertThat(waitsAt(cleanInstance, "Task_AssessRequest")).isTrue();
    // and the flagged investor's view says what the clean one's says: under review, nothing more
    JsonNode flaggedView = readTree(get(API_PATH + "/" + flagged, investor).body());
    JsonNode cleanView = readTree(get(API_PATH + "/" + clean, investor).body());
    assertThat(flaggedView.path("stage").asText()).isEqualTo("ASSESSMENT").isEqualTo(cleanView.path("stage").asText());
    assertThat(flaggedView.path("timeline").findValuesAsText("type"))
        .containsExactly("REGISTERED", "STAGE_ASSESSMENT")
        .isEqualTo(cleanView.path("timeline").findValuesAsText("type"));
    String flaggedList = get(API_PATH + "?size=100", investor).body();
    for (String seen : List.of(flaggedView.toString(), flaggedList)) {
      assertThat(seen.toUpperCase(Locale.ROOT)).doesNotContain("SCREENING", "COMPLIANCE");
    }
  }

  @ParameterizedTest(name = "[{index}] «{0}»")
  @ValueSource(strings = {"BLOCKED HOLDINGS LIMITED", "Blocked  Holdings, Ltd", "ООО «Вlocked Ноldings»", "\uff22locked Holdings Ltd"})
  void aVariantOfAListedNameStartedOverEngineRestIsAHit(String name) throws Exception {
    String ref = newReference();
    Reply started = post(START_PATH, admin, jsonVariable(setIn(ref, "investor", "name", quote(name))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    String instance = screen(readTree(started.body()).path("businessKey").asText());

    assertThat(waitsAt(instance, "Task_ReviewScreeningHit")).isTrue();
  }

  private String fileAsInvestor(String body) throws Exception {
    Reply filed = post(API_PATH, investor, body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return readTree(filed.body()).path("number").asText();
  }

  /** Runs the screening job of a request that waits for it; answers the process instance. */
  private String screen(String number) {
    String processInstanceId =
        jdbc.sql("SELECT process_instance_id FROM localisation_request WHERE number = ?").param(number).query(String.class).single();
    Job screening = managementService.createJobQuery().processInstanceId(processInstanceId).executable().singleResult();
    assertThat(screening).as("screening job of %s", number).isNotNull();
    managementService.executeJob(screening.getId());
    return processInstanceId;
  }

  private boolean waitsAt(String processInstanceId, String activityId) {
    return historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(activityId).unfinished().count() == 1;
  }

  // --- idempotency: an account's references are its own ------------------------------------

  @Test
  void aReferenceSquattedUnderAnotherCompanysRegistrationNumberNeitherBlocksNorRevealsTheRightfulRequest() throws Exception {
    String ref = newReference();
    // given another investor account filed the reference first, under the rightful company's number
    Reply squatted = post(API_PATH, investor2, valid(ref));
    assertThat(squatted.statusCode()).as(squatted.body()).isEqualTo(201);
    String squatterNumber = readTree(squatted.body()).path("number").asText();
    long instancesBefore = processInstances();

    // when the rightful investor files it
    Reply rightful = post(API_PATH, investor, valid(ref));

    // then it is a new request of its own, and nothing in the answer points at the squatter's
    assertThat(rightful.statusCode()).as(rightful.body()).isEqualTo(201);
    assertThat(readTree(rightful.body()).path("number").asText()).isNotEqualTo(squatterNumber);
    assertThat(rightful.body()).doesNotContain(squatterNumber, "investor2", "another account");
    assertThat(processInstances()).isEqualTo(instancesBefore + 1);
    assertThat(submittersOf(ref)).containsExactlyInAnyOrder("investor", "investor2");
  }

  @Test
  void anotherAccountRepeatingAnInvestorsReferenceGetsItsOwnRequestAndNeverTheInvestors() throws Exception {
    String ref = newReference();
    Reply first = post(API_PATH, investor, valid(ref));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String investorsNumber = readTree(first.body()).path("number").asText();

    // the same body from another account, and again: its own request, then that one again
    Reply other = post(API_PATH, investor2, valid(ref));
    Reply otherAgain = post(API_PATH, investor2, valid(ref));
    // the investor's own repetition still answers the investor's request
    Reply again = post(API_PATH, investor, valid(ref));

    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    String othersNumber = readTree(other.body()).path("number").asText();
    assertThat(othersNumber).isNotEqualTo(investorsNumber);
    assertThat(otherAgain.statusCode()).as(otherAgain.body()).isEqualTo(200);
    assertThat(readTree(otherAgain.body()).path("number").asText()).isEqualTo(othersNumber);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(readTree(again.body()).path("number").asText()).isEqualTo(investorsNumber);
    assertThat(submittersOf(ref)).containsExactlyInAnyOrder("investor", "investor2");
  }

  @Test
  void thirtyConcurrentSubmissionsOfOneReferenceAllAnswerTheOneRequest() throws Exception {
    String ref = newReference();
    int clients = 30;
    HttpTestClient api = HttpTestClient.onPort(port, Duration.ofSeconds(60)).as("investor", "demo");
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        replies.add(threads.submit(() -> {
          start.await();
          return api.post(API_PATH, valid(ref));
        }));
      }
      start.countDown();

      List<Integer> statuses = new ArrayList<>();
      Set<String> numbers = new HashSet<>();
      for (Future<Reply> reply : replies) {
        Reply answer = reply.get(90, TimeUnit.SECONDS);
        statuses.add(answer.statusCode());
        numbers.add(answer.json().path("number").asText());
      }
      assertThat(statuses).as("one created, every other answered with it").containsOnly(201, 200);
      assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
      assertThat(numbers).hasSize(1);
      assertThat(submittersOf(ref)).containsExactly("investor");
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(numbers.iterator().next()).count())
          .isOne();
    } finally {
      threads.shutdownNow();
    }
  }

  private List<String> submittersOf(String ref) {
    return jdbc.sql("SELECT submitted_by FROM localisation_request WHERE external_reference = ?")
        .param(ref)
        .query(String.class)
        .list();
  }

  // --- bodies --------------------------------------------------------------------------------

  private static String valid(String ref) {
    return TestRequests.recyclingPlantJson(ref);
  }

  private static String withExpressions(String ref) {
    ObjectNode body = (ObjectNode) readTree(valid(ref));
    ((ObjectNode) body.get("investor")).put("name", JUEL_DOLLAR);
    ((ObjectNode) body.get("project")).put("title", JUEL_HASH);
    ((ObjectNode) body.get("project")).put("description", JUEL_DOLLAR + " <script>alert(1)</script>");
    return body.toString();
  }

  private static String set(String ref, String field, String rawJson) {
    ObjectNode body = (ObjectNode) readTree(valid(ref));
    body.remove(field);
    String rest = body.toString();
    return "{" + quote(field) + ":" + rawJson + "," + rest.substring(1);
  }

  private static String setIn(String ref, String object, String field, String rawJson) {
    ObjectNode body = (ObjectNode) readTree(valid(ref));
    ObjectNode inner = (ObjectNode) body.remove(object);
    inner.remove(field);
    String innerJson = "{" + quote(field) + ":" + rawJson + "," + inner.toString().substring(1);
    return "{" + quote(object) + ":" + innerJson + "," + body.toString().substring(1);
  }

  private static String remove(String ref, String field) {
    ObjectNode body = (ObjectNode) readTree(valid(ref));
    body.remove(field);
    return body.toString();
  }

  /**
   * A JSON object with spaces before its closing brace, {@code size} bytes in all. Inside, not after
   * it: a JSON parser stops at the end of the value and never reads what trails it.
   */
  private static byte[] padded(String json, int size) {
    String object = json.strip();
    byte[] head = object.substring(0, object.length() - 1).getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[size];
    System.arraycopy(head, 0, padded, 0, head.length);
    Arrays.fill(padded, head.length, size - 1, (byte) ' ');
    padded[size - 1] = '}';
    return padded;
  }

  private static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jsonVariable(String value) {
    return variable(value, "Json");
  }

  private static String variable(String value, String type) {
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("variables").putObject(IntakeVariables.REQUEST).put("value", value).put("type", type);
    return body.toString();
  }

  private static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  // --- plumbing ------------------------------------------------------------------------------

  private static String newReference() {
    return "HOSTILE-" + UUID.randomUUID();
  }

  private Reply get(String path, HttpTestClient user) {
    return user.get(path);
  }

  private Reply post(String path, HttpTestClient user, String body) {
    return user.post(path, body);
  }

  /** A JSON body with its Content-Length, or chunked without one: the server learns its size only by reading it. */
  private Reply post(String path, HttpTestClient user, byte[] body, boolean lengthDeclared) {
    HttpTestClient.Request request = user.request("POST", path);
    return (lengthDeclared ? request.body("application/json", body) : request.chunked("application/json", body)).send();
  }

  private long registryRows() {
    return jdbc.sql("SELECT COUNT(*) FROM localisation_request").query(Long.class).single();
  }

  private long processInstances() {
    return historyService.createHistoricProcessInstanceQuery().count();
  }
}
