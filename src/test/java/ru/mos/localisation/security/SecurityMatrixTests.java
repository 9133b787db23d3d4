package ru.mos.localisation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.process.ProcessVariables;
import ru.mos.localisation.intake.IntakeVariables;

/**
 * Who gets what, over HTTP: every endpoint group against every role of the demo profile, one row
 * each; then the attacks on the doors (cross-site calls, password guessing, investors beyond their
 * API, weak passwords), each with the state it must leave unchanged. Demo users get only correct
 * passwords; wrong ones go to users made by the test, from client addresses of their own.
 *
 * <p>Same context set-up as {@code EngineRestTests}: the engine is named {@code default} because
 * {@code /engine-rest/...} and the webapps address that engine.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTests {

  /** A role: a user with its (right) password, or anonymous when {@code user} is null. */
  enum Role {
    ANONYMOUS(null, null),
    INVESTOR("investor", "demo"),
    INVESTOR_B("investor2", "demo"),
    INVESTMENT_OFFICER("investment.officer", "demo"),
    INVESTMENT_HEAD("investment.head", "demo"),
    COMPLIANCE_OFFICER("compliance.officer", "demo"),
    ECO_REVIEWER("eco.reviewer", "demo"),
    MOSPROM_SPECIALIST("mosprom.specialist", "demo"),
    SITE_OFFICER("site.officer", "demo"),
    ADMIN("admin", "admin");

    final String user;
    final String password;

    Role(String user, String password) {
      this.user = user;
      this.password = password;
    }

    boolean investor() {
      return this == INVESTOR || this == INVESTOR_B;
    }

    boolean official() {
      return this != ANONYMOUS && this != ADMIN && !investor();
    }
  }

  /** The endpoint groups of the matrix. */
  enum Endpoint {
    API_LIST,
    API_GET_OWN_OF_INVESTOR_A,
    API_NOTIFICATIONS_OF_INVESTOR_A,
    API_POST,
    API_SITES,
    API_OPENAPI,
    ENGINE_TASKS,
    ENGINE_ENGINES,
    ENGINE_START,
    ENGINE_USERS,
    ENGINE_OWN_PROFILE,
    ACTUATOR_HEALTH,
    ACTUATOR_ENV,
    ACTUATOR_PROMETHEUS,
    SUPERVISION_REGISTER,
    ACTUATOR_NOTIFICATIONS,
    TASKLIST_PAGE,
    TASKLIST_LOGIN,
    WELCOME_LOGIN
  }

  private static final String START_PATH =
      "/engine-rest/process-definition/key/" + ProcessVariables.PROCESS_KEY + "/start";

  private final String baseUrl;
  private final ObjectMapper objectMapper;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final HttpTestClient http;
  private String investorARequest;

  @Autowired
  SecurityMatrixTests(
      @LocalServerPort int port,
      ObjectMapper objectMapper,
      IdentityService identityService,
      RepositoryService repositoryService) {
    this.baseUrl = "http://localhost:" + port;
    this.http = HttpTestClient.onPort(port);
    this.objectMapper = objectMapper;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
  }

  @BeforeAll
  void investorAFilesARequest() throws Exception {
    Reply created =
        send("POST", "/api/v1/localisation-requests", Role.INVESTOR, newRequestJson());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    investorARequest = objectMapper.readTree(created.body()).path("number").asText();
    assertThat(investorARequest).matches("LOC-\\d{4}-\\d{5,}");
  }

  // --- the matrix ----------------------------------------------------------------------------

  /** The expected status of one endpoint group for one role. */
  static int expected(Endpoint endpoint, Role role) {
    return switch (endpoint) {
      // the investor API admits the investor group only: 401 without credentials, 403 for others
      case API_LIST, API_POST, API_SITES ->
          role == Role.ANONYMOUS ? 401 : role.investor() ? (endpoint == Endpoint.API_POST ? 201 : 200) : 403;
      // investors see only their own requests: another investor's number is unknown to them
      case API_GET_OWN_OF_INVESTOR_A, API_NOTIFICATIONS_OF_INVESTOR_A ->
          switch (role) {
            case ANONYMOUS -> 401;
            case INVESTOR -> 200;
            case INVESTOR_B -> 404;
            default -> 403;
          };
      // the OpenAPI document: any authenticated user
      case API_OPENAPI -> role == Role.ANONYMOUS ? 401 : 200;
      // engine-rest: authentication by Camunda's filter, investors refused, then the engine's authorizations
      case ENGINE_TASKS, ENGINE_USERS, ENGINE_OWN_PROFILE -> role == Role.ANONYMOUS ? 401 : role.investor() ? 403 : 200;
      case ENGINE_ENGINES, ACTUATOR_HEALTH, TASKLIST_PAGE -> 200;
      case ENGINE_START ->
          switch (role) {
            case ANONYMOUS -> 401;
            case ADMIN, INVESTMENT_OFFICER -> 200;
            // investors use the investor API only
            case INVESTOR, INVESTOR_B -> 403;
            // READ on the definition (for Tasklist), but no CREATE_INSTANCE
            default -> 403;
          };
      case ACTUATOR_ENV -> 404;
      // the operators' metrics: operators and administrators only
      case ACTUATOR_PROMETHEUS -> role == Role.ANONYMOUS ? 401 : role == Role.ADMIN ? 200 : 403;
      // the board's register (the Cockpit plugin's data): the board and administrators only
      case SUPERVISION_REGISTER ->
          role == Role.ANONYMOUS ? 401 : role == Role.ADMIN || role == Role.INVESTMENT_HEAD ? 200 : 403;
      // the operators' list of undelivered letters: administrators only
      case ACTUATOR_NOTIFICATIONS -> role == Role.ANONYMOUS ? 401 : role == Role.ADMIN ? 200 : 403;
      // the webapp's own login: officials and admin have Tasklist access, investors no webapp at all
      // (Camunda lets every user into Welcome)
      case TASKLIST_LOGIN, WELCOME_LOGIN -> role == Role.ANONYMOUS ? 401 : role.investor() ? 403 : 200;
    };
  }

  Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      for (Role role : Role.values()) {
        rows.add(Arguments.of(endpoint, role, expected(endpoint, role)));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  void statusOf(Endpoint endpoint, Role role, int expectedStatus) throws Exception {
    Reply response = call(endpoint, role);

    assertThat(response.statusCode())
        .as("%s as %s: %s", endpoint, role, response.body())
        .isEqualTo(expectedStatus);
    checkBody(endpoint, role, response);
  }

  private void checkBody(Endpoint endpoint, Role role, Reply response) throws Exception {
    String path = response.uri().getPath();
    int status = response.statusCode();
    if ((path.startsWith("/api/v1/") || path.startsWith("/supervision/") || path.equals("/actuator/prometheus")) && status >= 400) {
      assertThat(response.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
    if (endpoint == Endpoint.API_NOTIFICATIONS_OF_INVESTOR_A && status == 200) {
      assertThat(json(response).path("notifications").get(0).path("type").asText()).isEqualTo("REQUEST_RECEIVED");
    }
    if (endpoint == Endpoint.ACTUATOR_NOTIFICATIONS && status >= 400) {
      assertThat(response.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
    if (endpoint == Endpoint.ACTUATOR_NOTIFICATIONS && status == 200) {
      assertThat(json(response).has("failed")).isTrue();
    }
    if (endpoint == Endpoint.API_GET_OWN_OF_INVESTOR_A && status == 200) {
      assertThat(json(response).path("number").asText()).isEqualTo(investorARequest);
    }
    if (endpoint == Endpoint.API_LIST && role == Role.INVESTOR_B) {
      assertThat(response.body()).doesNotContain(investorARequest);
    }
    if (endpoint == Endpoint.ENGINE_START && status == 200) {
      assertThat(json(response).path("businessKey").asText()).matches("LOC-\\d{4}-\\d{5,}");
    }
    if (path.startsWith("/engine-rest/") && status == 401) {
      // no Basic challenge: a browser would remember the credentials and lend them to any page
      assertThat(response.headerValues("WWW-Authenticate")).noneMatch(challenge -> challenge.regionMatches(true, 0, "Basic", 0, 5));
      assertThat(json(response).path("type").asText()).isEqualTo("AuthenticationException");
    }
    if (path.startsWith("/engine-rest/") && role.investor() && status == 403) {
      assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
      assertThat(json(response).path("message").asText()).isEqualTo("Investors use the investor API (/api/v1) only");
    }
    if ((endpoint == Endpoint.TASKLIST_LOGIN || endpoint == Endpoint.WELCOME_LOGIN) && role.investor()) {
      assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
    }
    if (endpoint == Endpoint.ENGINE_OWN_PROFILE && status == 200) {
      assertThat(json(response).path("id").asText()).isEqualTo(role.user);
    }
    if (endpoint == Endpoint.ENGINE_START && (status == 403 || status == 404)) {
      assertThat(json(response).path("type").asText())
          .isEqualTo(status == 403 ? "AuthorizationException" : "RestException");
      if (status == 404) {
        assertThat(json(response).path("message").asText()).contains("No matching process definition");
      }
    }
    if (endpoint == Endpoint.ENGINE_USERS && status == 200) {
      List<String> ids = new ArrayList<>();
      json(response).forEach(user -> ids.add(user.path("id").asText()));
      if (role == Role.ADMIN) {
        // the administrator sees every user
        assertThat(ids).contains("admin", "investor", "investor2", "investment.officer", "site.officer");
      } else {
        // Camunda grants each user READ on its own user only: everyone else is filtered out
        assertThat(ids).as("users visible to %s", role).containsExactly(role.user);
      }
    }
    if (endpoint == Endpoint.ACTUATOR_HEALTH) {
      assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }
    if (endpoint == Endpoint.TASKLIST_PAGE) {
      assertThat(response.body()).containsIgnoringCase("<html");
    }
    if ((endpoint == Endpoint.TASKLIST_LOGIN || endpoint == Endpoint.WELCOME_LOGIN) && status == 200) {
      JsonNode authentication = json(response);
      assertThat(authentication.path("userId").asText()).isEqualTo(role.user);
      assertThat(authentication.path("authorizedApps").toString())
          .contains(endpoint == Endpoint.TASKLIST_LOGIN ? "tasklist" : "welcome");
    }
  }

  // --- headers -------------------------------------------------------------------------------

  @Test
  void investorApiResponsesAreNotSniffedNorCached() throws Exception {
    for (Reply response :
        List.of(
            call(Endpoint.API_LIST, Role.INVESTOR),
            call(Endpoint.API_SITES, Role.INVESTOR),
            call(Endpoint.API_LIST, Role.ANONYMOUS),
            call(Endpoint.API_LIST, Role.ADMIN))) {
      assertThat(response.header("X-Content-Type-Options"))
          .as(response.uri() + " " + response.statusCode())
          .hasValue("nosniff");
      assertThat(response.header("Cache-Control"))
          .as(response.uri() + " " + response.statusCode())
          .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }
  }

  @Test
  void tasklistPageCarriesCamundasSecurityHeaders() throws Exception {
    Reply page = call(Endpoint.TASKLIST_PAGE, Role.ANONYMOUS);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.header("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src").contains("object-src 'none'"));
    assertThat(page.header("X-XSS-Protection")).isPresent();
  }

  @Test
  void tasklistLoginWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpTestClient client = http.withSession();
    client.get("/camunda/app/tasklist/default/");

    Reply response = loginRequest(client, Role.INVESTMENT_OFFICER, null).send();

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.header("X-XSRF-TOKEN")).hasValue("Required");
  }

  // --- behind nginx, which terminates TLS and says so in X-Forwarded-Proto ---------------------

  @Test
  void overTlsTheWebappSessionAndCsrfCookiesAreSecureAndLaxOnce() throws Exception {
    Reply page = sendForwarded("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, "https");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(cookieAttributes(page, "JSESSIONID")).contains("Secure", "HttpOnly", "SameSite=Lax");
    assertThat(cookieAttributes(page, "JSESSIONID")).filteredOn(a -> a.startsWith("SameSite")).hasSize(1);
    // the CSRF token's cookie follows the same rule (scripts read it, so it is not HttpOnly)
    assertThat(cookieAttributes(page, "XSRF-TOKEN")).contains("Secure", "SameSite=Lax");
    assertThat(cookieAttributes(page, "XSRF-TOKEN")).filteredOn(a -> a.equalsIgnoreCase("Secure")).hasSize(1);
  }

  @Test
  void overPlainHttpTheWebappSessionAndCsrfCookiesAreNotSecure() throws Exception {
    Reply page = send("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(cookieAttributes(page, "JSESSIONID")).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    assertThat(cookieAttributes(page, "JSESSIONID")).filteredOn(a -> a.startsWith("SameSite")).hasSize(1);
    assertThat(cookieAttributes(page, "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("Secure");
  }

  @Test
  void overTlsEveryDoorSendsStrictTransportSecurity() throws Exception {
    for (Reply response :
        List.of(
            sendForwarded("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, "https"),
            sendForwarded("GET", "/api/v1/localisation-requests", Role.INVESTOR, "https"),
            sendForwarded("GET", "/engine-rest/task?maxResults=10", Role.INVESTMENT_OFFICER, "https"))) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(response.header("Strict-Transport-Security"))
          .as(response.uri().toString())
          .hasValue("max-age=31536000 ; includeSubDomains");
    }
  }

  @Test
  void overPlainHttpNoDoorSendsStrictTransportSecurity() throws Exception {
    for (Reply response :
        List.of(
            send("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, null),
            send("GET", "/api/v1/localisation-requests", Role.INVESTOR, null),
            sendForwarded("GET", "/api/v1/localisation-requests", Role.INVESTOR, "http"),
            send("GET", "/engine-rest/task?maxResults=10", Role.INVESTMENT_OFFICER, null))) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(response.header("Strict-Transport-Security")).as(response.uri().toString()).isEmpty();
    }
  }

  /** The attributes of one cookie the response sets, e.g. {@code [Path=/, Secure, HttpOnly]}. */
  private static List<String> cookieAttributes(Reply response, String name) {
    String cookie =
        response.headerValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(name + "="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    return Stream.of(cookie.split(";")).skip(1).map(String::strip).toList();
  }

  // --- cross-site calls: a foreign page opened in the administrator's browser ------------------

  /** What a browser adds to a foreign page's form post or script call, alone and together. */
  static Stream<Arguments> foreignPages() {
    return Stream.of(
        Arguments.of("Origin and Sec-Fetch-Site", Map.of("Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site")),
        Arguments.of("Sec-Fetch-Site cross-site", Map.of("Sec-Fetch-Site", "cross-site")),
        Arguments.of("Sec-Fetch-Site same-site (a sibling subdomain)", Map.of("Sec-Fetch-Site", "same-site")),
        Arguments.of("a foreign Origin", Map.of("Origin", "https://attacker.example")),
        Arguments.of("Origin null (a sandboxed frame)", Map.of("Origin", "null")),
        Arguments.of("this host on another port", Map.of("Origin", "http://localhost:1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignPages")
  void aForeignPagesDeploymentIsRefusedAndNothingIsDeployed(String page, Map<String, String> browserHeaders) throws Exception {
    String name = "cross-site-" + UUID.randomUUID();

    Reply response = deploy(name, browserHeaders);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(response).path("type").asText()).isEqualTo("CrossSiteRequestException");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignPages")
  void aForeignPagesPostToTheInvestorApiIsRefusedAndNothingIsFiled(String page, Map<String, String> browserHeaders)
      throws Exception {
    String reference = "SEC-" + UUID.randomUUID();
    Reply response =
        send("POST", "/api/v1/localisation-requests", Role.INVESTOR, TestRequests.recyclingPlantJson(reference), browserHeaders);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("status").asInt()).isEqualTo(403);
    Reply list = send("GET", "/api/v1/localisation-requests?page=0&size=100", Role.INVESTOR, null);
    assertThat(list.body()).doesNotContain(reference);
  }

  @Test
  void serverToServerClientsThisSitesOwnPagesAndForeignReadsStillWork() throws Exception {
    // deployments are switched off here (the integrity guard), so the call that shows a client got
    // past the cross-site rule is a start the engine itself refuses for its empty request (400)
    Reply noBrowser = emptyStart(Map.of());
    Reply ownPage = emptyStart(Map.of("Origin", baseUrl, "Sec-Fetch-Site", "same-origin"));
    // behind nginx over TLS the own origin is the one the browser saw, as nginx forwards it
    Reply ownPageBehindNginx = emptyStart(Map.of(
        "Origin", "https://localisation.mos.example", "Sec-Fetch-Site", "same-origin",
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "localisation.mos.example", "X-Forwarded-Port", "443"));
    Reply plainHttpPageBehindNginx = emptyStart(Map.of(
        "Origin", "http://localisation.mos.example",
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "localisation.mos.example", "X-Forwarded-Port", "443"));

    for (Reply reachedTheEngine : List.of(noBrowser, ownPage, ownPageBehindNginx)) {
      assertThat(reachedTheEngine.statusCode()).as(reachedTheEngine.body()).isEqualTo(400);
      assertThat(reachedTheEngine.body()).contains("InvalidInputException");
    }
    // the same host over plain HTTP is another origin
    assertThat(plainHttpPageBehindNginx.statusCode()).as(plainHttpPageBehindNginx.body()).isEqualTo(403);
    assertThat(plainHttpPageBehindNginx.body()).contains("CrossSiteRequestException");
    // reading changes nothing: a cross-site GET is answered (the browser keeps the answer from the page)
    Map<String, String> crossSite = new LinkedHashMap<>();
    crossSite.put("Origin", "https://attacker.example");
    crossSite.put("Sec-Fetch-Site", "cross-site");
    assertThat(send("GET", "/engine-rest/task?maxResults=10", Role.INVESTMENT_OFFICER, null, crossSite).statusCode())
        .isEqualTo(200);
  }

  // --- failed logins: throttled per client address and account, never locking the owner out ----

  /** localisation.security.login-throttle of application.yml. */
  private static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
  private static final int FAILURES_PER_ADDRESS = 10;
  private static final int WINDOW_SECONDS = 300;
  /** A password the policy accepts, for the users these tests make. */
  private static final String PASSWORD = "Correct-Horse-7";
  /** Client addresses as nginx forwards them, one set per test so that no budget is shared. */
  private static final AtomicInteger LAST_ADDRESS = new AtomicInteger();

  /** The doors that check a password: the three doors, and HTTP Basic on the metrics and the register. */
  enum LoginDoor {
    INVESTOR_API,
    ENGINE_REST,
    WEBAPP_LOGIN,
    METRICS,
    SUPERVISION;

    /** A group whose members this door lets in. */
    String group() {
      return switch (this) {
        case INVESTOR_API -> SecurityConfiguration.INVESTOR_GROUP;
        case METRICS -> "camunda-admin";
        case SUPERVISION -> "investment-board";
        default -> "mosprom";
      };
    }

    boolean problemJson() {
      return this == INVESTOR_API || this == METRICS || this == SUPERVISION;
    }
  }

  @ParameterizedTest
  @EnumSource(LoginDoor.class)
  void wrongPasswordsFromOneAddressAreThrottledThereWhileTheOwnerGetsInFromAnother(LoginDoor door) throws Exception {
    String account = newUser(door.group());
    String attacker = newAddress();
    try {
      for (int attempt = 1; attempt <= FAILURES_PER_ACCOUNT_AND_ADDRESS; attempt++) {
        assertThat(logIn(door, attacker, account, "Wrong-Guess-" + attempt).statusCode()).as("attempt " + attempt).isEqualTo(401);
      }

      // then even the right password from there waits
      Reply throttled = logIn(door, attacker, account, PASSWORD);
      assertThrottled(door, throttled);

      // Camunda's per-account delay is off: the owner, elsewhere, gets in at once with the right password
      Reply owner = logIn(door, newAddress(), account, PASSWORD);
      assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
    } finally {
      identityService.deleteUser(account);
    }
  }

  @ParameterizedTest
  @EnumSource(LoginDoor.class)
  void guessesAtManyAccountsFromOneAddressSpendThatAddresssBudget(LoginDoor door) throws Exception {
    String account = newUser(door.group());
    String attacker = newAddress();
    try {
      for (int attempt = 1; attempt <= FAILURES_PER_ADDRESS; attempt++) {
        String someone = "nobody." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(logIn(door, attacker, someone, "Wrong-Guess-" + attempt).statusCode()).as("attempt " + attempt).isEqualTo(401);
      }

      assertThrottled(door, logIn(door, attacker, account, PASSWORD));
      Reply owner = logIn(door, newAddress(), account, PASSWORD);
      assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
    } finally {
      identityService.deleteUser(account);
    }
  }

  @Test
  void theOwnersTypingErrorsAreForgottenOnceTheRightPasswordIsGiven() throws Exception {
    String account = newUser("mosprom");
    String office = newAddress();
    try {
      // two rounds: more failures than the account's budget, fewer than the address's
      for (int round = 1; round <= 2; round++) {
        for (int attempt = 1; attempt < FAILURES_PER_ACCOUNT_AND_ADDRESS; attempt++) {
          assertThat(logIn(LoginDoor.ENGINE_REST, office, account, "Typo-" + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(logIn(LoginDoor.ENGINE_REST, office, account, PASSWORD).statusCode()).as("round " + round).isEqualTo(200);
      }
    } finally {
      identityService.deleteUser(account);
    }
  }

  @Test
  void camundasPasswordCheckForAnyUserIsClosed() throws Exception {
    String body = "{\"username\": \"admin\", \"password\": \"Guess-1234!\"}";

    Reply response = send("POST", "/engine-rest/identity/verify", Role.INVESTMENT_OFFICER, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(response.body()).doesNotContain("authenticated");
  }

  private void assertThrottled(LoginDoor door, Reply response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(response.header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, WINDOW_SECONDS));
    String type = response.header("Content-Type").orElse("");
    if (door.problemJson()) {
      assertThat(type).startsWith("application/problem+json");
      assertThat(json(response).path("status").asInt()).isEqualTo(429);
    } else {
      assertThat(type).startsWith("application/json");
      assertThat(json(response).path("type").asText()).isEqualTo("LoginThrottledException");
    }
    assertThat(response.body()).doesNotContain("\tat ");
  }

  private Reply logIn(LoginDoor door, String address, String user, String password) throws Exception {
    return switch (door) {
      case INVESTOR_API -> sendAs("GET", "/api/v1/localisation-requests", user, password, null, Map.of("X-Forwarded-For", address));
      case ENGINE_REST -> sendAs("GET", "/engine-rest/task?maxResults=10", user, password, null, Map.of("X-Forwarded-For", address));
      case WEBAPP_LOGIN -> webappLogin("tasklist", user, password, address).response();
      case METRICS -> sendAs("GET", "/actuator/prometheus", user, password, null, Map.of("X-Forwarded-For", address));
      case SUPERVISION -> sendAs("GET", "/supervision/api/dashboard", user, password, null, Map.of("X-Forwarded-For", address));
    };
  }

  private static String newAddress() {
    int n = LAST_ADDRESS.incrementAndGet();
    // documentation ranges (RFC 5737): never one of Tomcat's trusted internal proxies
    return (n < 250 ? "203.0.113." : "198.51.100.") + (n % 250 + 1);
  }

  /** A user of its own for a test that sends wrong passwords or changes the account. */
  private String newUser(String groupId) {
    String id = "sec.test." + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setFirstName("Security");
    user.setLastName("Test");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
    return id;
  }

  // --- investors on /engine-rest and in the webapps ------------------------------------------

  @Test
  void anInvestorCanNeitherChangeNorDeleteTheirAccountOverEngineRest() throws Exception {
    String investor = newUser(SecurityConfiguration.INVESTOR_GROUP);
    try {
      Reply password = sendAs("PUT", "/engine-rest/user/" + investor + "/credentials", investor, PASSWORD,
          "{\"password\": \"1\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}", Map.of());
      Reply profile = sendAs("PUT", "/engine-rest/user/" + investor + "/profile", investor, PASSWORD,
          "{\"id\": \"" + investor + "\", \"firstName\": \"Changed\"}", Map.of());
      Reply deletion = sendAs("DELETE", "/engine-rest/user/" + investor, investor, PASSWORD, null, Map.of());

      for (Reply response : List.of(password, profile, deletion)) {
        assertThat(response.statusCode()).as(response.method() + " " + response.body()).isEqualTo(403);
        assertThat(json(response).path("type").asText()).isEqualTo("AuthorizationException");
      }
      assertThat(identityService.checkPassword(investor, PASSWORD)).isTrue();
      User stored = identityService.createUserQuery().userId(investor).singleResult();
      assertThat(stored).isNotNull();
      assertThat(stored.getFirstName()).isEqualTo("Security");
    } finally {
      identityService.deleteUser(investor);
    }
  }

  @Test
  void anInvestorReadsNoMetricsJobLogNorOtherInvestorsRequestsOverEngineRest() throws Exception {
    String correlation = "{\"messageName\": \"Message_DocumentsSupplied\", \"businessKey\": \"" + investorARequest + "\"}";
    List<Reply> responses = List.of(
        send("GET", "/engine-rest/metrics/activity-instance-start/sum", Role.INVESTOR_B, null),
        send("GET", "/engine-rest/history/job-log?maxResults=10", Role.INVESTOR_B, null),
        send("POST", "/engine-rest/message", Role.INVESTOR_B, correlation),
        send("POST", "/engine-rest/message",  Role.INVESTOR_B,
            "{\"messageName\": \"Message_DocumentsSupplied\", \"businessKey\": \"LOC-1999-99999\"}"));

    for (Reply response : responses) {
      // the same answer for another's request and for no request: nothing to learn from it
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403);
      assertThat(json(response).path("message").asText()).isEqualTo("Investors use the investor API (/api/v1) only");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void anInvestorLogsInToNoWebappAndGetsNoSession(String app) throws Exception {
    String investor = newUser(SecurityConfiguration.INVESTOR_GROUP);
    try {
      WebappSession session = webappLogin(app, investor, PASSWORD, null);

      assertThat(session.response().statusCode()).as(session.response().body()).isEqualTo(403);
      assertThat(json(session.response()).path("type").asText()).isEqualTo("AuthorizationException");
      Reply who = session.client().get("/camunda/api/admin/auth/user/default");
      assertThat(who.statusCode()).as("no authentication in the session").isEqualTo(404);
      Reply profile = session.client().get("/camunda/api/engine/engine/default/user/" + investor + "/profile");
      assertThat(profile.statusCode()).isIn(401, 403);
      // a wrong password gets Camunda's own answer, as for anyone
      assertThat(webappLogin(app, investor, "Wrong-Guess-1", newAddress()).response().statusCode()).isEqualTo(401);
    } finally {
      identityService.deleteUser(investor);
    }
  }

  // --- the password policy ------------------------------------------------------------------------

  @Test
  void aWeakPasswordIsRefusedOverEngineRestAndTheOldOneStays() throws Exception {
    String official = newUser("mosprom");
    String weakUser = "sec.weak." + UUID.randomUUID().toString().substring(0, 8);
    try {
      Reply change = sendAs("PUT", "/engine-rest/user/" + official + "/credentials", official, PASSWORD,
          "{\"password\": \"1\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}", Map.of());
      Reply creation = send("POST", "/engine-rest/user/create", Role.ADMIN,
          "{\"profile\": {\"id\": \"" + weakUser + "\"}, \"credentials\": {\"password\": \"1\"}}");

      for (Reply response : List.of(change, creation)) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(json(response).path("message").asText()).startsWith("Password does not match policy");
      }
      assertThat(identityService.checkPassword(official, PASSWORD)).isTrue();
      assertThat(identityService.createUserQuery().userId(weakUser).count()).isZero();

      // a password the policy accepts is taken
      Reply strong = sendAs("PUT", "/engine-rest/user/" + official + "/credentials", official, PASSWORD,
          "{\"password\": \"Another-Horse-8\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}", Map.of());
      assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
      assertThat(identityService.checkPassword(official, "Another-Horse-8")).isTrue();
    } finally {
      identityService.deleteUser(official);
    }
  }

  @Test
  void aWeakPasswordIsRefusedInAdminAndTheOldOneStays() throws Exception {
    String official = newUser("mosprom");
    try {
      WebappSession admin = webappLogin("admin", Role.ADMIN.user, Role.ADMIN.password, null);
      assertThat(admin.response().statusCode()).as(admin.response().body()).isEqualTo(200);

      Reply change =
          admin.client()
              .request("PUT", "/camunda/api/engine/engine/default/user/" + official + "/credentials")
              .header("X-XSRF-TOKEN", admin.xsrfToken())
              .json("{\"password\": \"1\", \"authenticatedUserPassword\": \"admin\"}")
              .send();

      assertThat(change.statusCode()).as(change.body()).isEqualTo(400);
      assertThat(json(change).path("message").asText()).startsWith("Password does not match policy");
      assertThat(identityService.checkPassword(official, PASSWORD)).isTrue();
    } finally {
      identityService.deleteUser(official);
    }
  }

  @Test
  void theEngineItselfRefusesAWeakPasswordButTheDemoUsersKeepTheirs() {
    User weak = identityService.newUser("sec.weak." + UUID.randomUUID().toString().substring(0, 8));
    weak.setPassword("1");

    assertThatThrownBy(() -> identityService.saveUser(weak)).hasMessageContaining("Password does not match policy");
    assertThat(identityService.createUserQuery().userId(weak.getId()).count()).isZero();
    assertThat(identityService.checkPassword("investment.officer", "demo")).isTrue();
    assertThat(identityService.checkPassword("admin", "admin")).isTrue();
  }

  /** A start of the request process without the request, as a page or a script sends it. */
  private Reply emptyStart(Map<String, String> browserHeaders) throws Exception {
    return sendAs("POST", "/engine-rest/process-definition/key/localisation-request/start",
        Role.ADMIN.user, Role.ADMIN.password, "{\"variables\": {}}", browserHeaders);
  }

  private Reply deploy(String name, Map<String, String> browserHeaders) throws Exception {
    String boundary = "boundary" + UUID.randomUUID().toString().replace("-", "");
    String body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nharmless\r\n"
            + "--" + boundary + "--\r\n";
    Map<String, String> headers = new LinkedHashMap<>(browserHeaders);
    headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
    return sendAs("POST", "/engine-rest/deployment/create", Role.ADMIN.user, Role.ADMIN.password, body, headers);
  }

  /** Any user's credentials, any body ({@code Content-Type} JSON unless the headers say otherwise). */
  private Reply sendAs(String method, String path, String user, String password, String body, Map<String, String> headers) {
    HttpTestClient.Request request = http.request(method, path).basicAuth(user, password);
    headers.forEach(request::header);
    if (body != null) {
      request.body(headers.containsKey("Content-Type") ? null : "application/json", body);
    }
    return request.send();
  }

  // --- calls ---------------------------------------------------------------------------------

  private Reply call(Endpoint endpoint, Role role) throws Exception {
    return switch (endpoint) {
      case API_LIST -> send("GET", "/api/v1/localisation-requests", role, null);
      case API_GET_OWN_OF_INVESTOR_A -> send("GET", "/api/v1/localisation-requests/" + investorARequest, role, null);
      case API_NOTIFICATIONS_OF_INVESTOR_A ->
          send("GET", "/api/v1/localisation-requests/" + investorARequest + "/notifications", role, null);
      case API_POST -> send("POST", "/api/v1/localisation-requests", role, newRequestJson());
      case API_SITES -> send("GET", "/api/v1/sites", role, null);
      case API_OPENAPI -> send("GET", "/api/v1/openapi", role, null);
      case ENGINE_TASKS -> send("GET", "/engine-rest/task?maxResults=100", role, null);
      case ENGINE_ENGINES -> send("GET", "/engine-rest/engine", role, null);
      case ENGINE_START -> send("POST", START_PATH, role, startBody());
      case ENGINE_USERS -> send("GET", "/engine-rest/user?maxResults=100", role, null);
      case ENGINE_OWN_PROFILE -> send("GET", "/engine-rest/user/" + (role.user == null ? "admin" : role.user) + "/profile", role, null);
      case ACTUATOR_HEALTH -> send("GET", "/actuator/health", role, null);
      case ACTUATOR_ENV -> send("GET", "/actuator/env", role, null);
      case ACTUATOR_PROMETHEUS -> send("GET", "/actuator/prometheus", role, null);
      case SUPERVISION_REGISTER -> send("GET", "/supervision/api/requests?page=0&size=5", role, null);
      case ACTUATOR_NOTIFICATIONS -> send("GET", "/actuator/notifications", role, null);
      case TASKLIST_PAGE -> send("GET", "/camunda/app/tasklist/default/", role, null);
      case TASKLIST_LOGIN -> tasklistLogin(role);
      case WELCOME_LOGIN -> webappLogin("welcome", role.user, role.password, null).response();
    };
  }

  /**
   * Logs in to Tasklist the way the browser does: the page first (which hands out the session and
   * the {@code XSRF-TOKEN} cookie), then the login form with the token in {@code X-XSRF-TOKEN}.
   * Anonymous posts empty credentials (no real user is locked by that).
   */
  private Reply tasklistLogin(Role role) throws Exception {
    return webappLogin("tasklist", role.user, role.password, null).response();
  }

  /** A browser's session with one of the webapps: its cookies and CSRF token, and the login's answer. */
  private record WebappSession(HttpTestClient client, String xsrfToken, Reply response) {}

  /**
   * Logs in to a webapp as the browser does, from the client address {@code forwardedFor} as nginx
   * reports it (null: this machine); a null user posts empty credentials.
   */
  private WebappSession webappLogin(String app, String user, String password, String forwardedFor) {
    HttpTestClient client = http.withSession();
    Reply page = client.get("/camunda/app/tasklist/default/");
    assertThat(page.statusCode()).isEqualTo(200);
    String token = client.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.headers()));
    Reply login = loginRequest(client, app, user, password, token, forwardedFor).send();
    return new WebappSession(client, token, login);
  }

  private HttpTestClient.Request loginRequest(HttpTestClient client, Role role, String xsrfToken) {
    return loginRequest(client, "tasklist", role.user, role.password, xsrfToken, null);
  }

  private HttpTestClient.Request loginRequest(
      HttpTestClient client, String app, String user, String password, String xsrfToken, String forwardedFor) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", user == null ? "" : user);
    form.put("password", password == null ? "" : password);
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpTestClient.Request request =
        client.request("POST", "/camunda/api/admin/auth/user/default/login/" + app)
            .header("Accept", "application/json")
            .body("application/x-www-form-urlencoded", body.toString());
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request;
  }

  private Reply send(String method, String path, Role role, String jsonBody) {
    return send(method, path, role, jsonBody, Map.of());
  }

  /** As nginx forwards it: the scheme the client used in {@code X-Forwarded-Proto}. */
  private Reply sendForwarded(String method, String path, Role role, String scheme) {
    return send(method, path, role, null, Map.of("X-Forwarded-Proto", scheme));
  }

  private Reply send(String method, String path, Role role, String jsonBody, Map<String, String> headers) {
    HttpTestClient client = role.user == null ? http : http.as(role.user, role.password);
    HttpTestClient.Request request = client.request(method, path);
    headers.forEach(request::header);
    if (jsonBody != null) {
      request.json(jsonBody);
    }
    return request.send();
  }

  private static String newRequestJson() {
    return TestRequests.recyclingPlantJson("SEC-" + UUID.randomUUID());
  }

  private String startBody() throws Exception {
    var body = objectMapper.createObjectNode();
    body.putObject("variables")
        .putObject(IntakeVariables.REQUEST)
        .put("value", newRequestJson())
        .put("type", "Json");
    return objectMapper.writeValueAsString(body);
  }

  private JsonNode json(Reply response) throws Exception {
    return objectMapper.readTree(response.body());
  }
}
