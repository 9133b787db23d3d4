package ru.mos.localisation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.process.ProcessVariables;

/**
 * Who gets what, over HTTP: every endpoint group against every role of the demo profile, one row
 * each. Only correct passwords are used (a wrong one locks the user for a while).
 *
 * <p>Same context set-up as {@code EngineRestTests}: the engine is named {@code default} because
 * {@code /engine-rest/...} and the webapps address that engine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
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
    API_POST,
    API_SITES,
    API_OPENAPI,
    ENGINE_TASKS,
    ENGINE_ENGINES,
    ENGINE_START,
    ENGINE_USERS,
    ACTUATOR_HEALTH,
    ACTUATOR_ENV,
    TASKLIST_PAGE,
    TASKLIST_LOGIN
  }

  private static final String START_PATH =
      "/engine-rest/process-definition/key/" + ProcessVariables.PROCESS_KEY + "/start";

  private final String baseUrl;
  private final ObjectMapper objectMapper;
  private final HttpClient http = HttpClient.newHttpClient();
  private String investorARequest;

  @Autowired
  SecurityMatrixTests(@LocalServerPort int port, ObjectMapper objectMapper) {
    this.baseUrl = "http://localhost:" + port;
    this.objectMapper = objectMapper;
  }

  @BeforeAll
  void investorAFilesARequest() throws Exception {
    HttpResponse<String> created =
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
      case API_GET_OWN_OF_INVESTOR_A ->
          switch (role) {
            case ANONYMOUS -> 401;
            case INVESTOR -> 200;
            case INVESTOR_B -> 404;
            default -> 403;
          };
      // the OpenAPI document: any authenticated user
      case API_OPENAPI -> role == Role.ANONYMOUS ? 401 : 200;
      // engine-rest: authentication by Camunda's filter, then the engine's authorizations
      case ENGINE_TASKS, ENGINE_USERS -> role == Role.ANONYMOUS ? 401 : 200;
      case ENGINE_ENGINES, ACTUATOR_HEALTH, TASKLIST_PAGE -> 200;
      case ENGINE_START ->
          switch (role) {
            case ANONYMOUS -> 401;
            case ADMIN, INVESTMENT_OFFICER -> 200;
            // no READ on the definition: the engine does not find it for this user
            case INVESTOR, INVESTOR_B -> 404;
            // READ on the definition (for Tasklist), but no CREATE_INSTANCE
            default -> 403;
          };
      case ACTUATOR_ENV -> 404;
      // the webapp's own login: officials and admin have Tasklist access, investors do not
      case TASKLIST_LOGIN -> role == Role.ANONYMOUS ? 401 : role.investor() ? 403 : 200;
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
    HttpResponse<String> response = call(endpoint, role);

    assertThat(response.statusCode())
        .as("%s as %s: %s", endpoint, role, response.body())
        .isEqualTo(expectedStatus);
    checkBody(endpoint, role, response);
  }

  private void checkBody(Endpoint endpoint, Role role, HttpResponse<String> response) throws Exception {
    String path = response.uri().getPath();
    int status = response.statusCode();
    if (path.startsWith("/api/v1/") && status >= 400) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain("Exception", "\tat ");
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
    if (endpoint == Endpoint.TASKLIST_LOGIN && status == 200) {
      JsonNode authentication = json(response);
      assertThat(authentication.path("userId").asText()).isEqualTo(role.user);
      assertThat(authentication.path("authorizedApps").toString()).contains("tasklist");
    }
  }

  // --- headers -------------------------------------------------------------------------------

  @Test
  void investorApiResponsesAreNotSniffedNorCached() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            call(Endpoint.API_LIST, Role.INVESTOR),
            call(Endpoint.API_SITES, Role.INVESTOR),
            call(Endpoint.API_LIST, Role.ANONYMOUS),
            call(Endpoint.API_LIST, Role.ADMIN))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(response.uri() + " " + response.statusCode())
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("Cache-Control"))
          .as(response.uri() + " " + response.statusCode())
          .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }
  }

  @Test
  void tasklistPageCarriesCamundasSecurityHeaders() throws Exception {
    HttpResponse<String> page = call(Endpoint.TASKLIST_PAGE, Role.ANONYMOUS);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src").contains("object-src 'none'"));
    assertThat(page.headers().firstValue("X-XSS-Protection")).isPresent();
  }

  @Test
  void tasklistLoginWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpClient client = cookieClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(), BodyHandlers.ofString());

    HttpResponse<String> response =
        client.send(loginRequest(Role.INVESTMENT_OFFICER, null), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  // --- behind nginx, which terminates TLS and says so in X-Forwarded-Proto ---------------------

  @Test
  void overTlsTheWebappSessionCookieIsSecureHttpOnlyAndLax() throws Exception {
    HttpResponse<String> page = sendForwarded("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, "https");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(cookieAttributes(page, "JSESSIONID")).contains("Secure", "HttpOnly", "SameSite=Lax");
  }

  @Test
  void overPlainHttpTheWebappSessionCookieIsNotSecure() throws Exception {
    HttpResponse<String> page = send("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(cookieAttributes(page, "JSESSIONID")).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
  }

  @Test
  void overTlsEveryDoorSendsStrictTransportSecurity() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            sendForwarded("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, "https"),
            sendForwarded("GET", "/api/v1/localisation-requests", Role.INVESTOR, "https"),
            sendForwarded("GET", "/engine-rest/task?maxResults=10", Role.INVESTMENT_OFFICER, "https"))) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(response.headers().firstValue("Strict-Transport-Security"))
          .as(response.uri().toString())
          .hasValue("max-age=31536000 ; includeSubDomains");
    }
  }

  @Test
  void overPlainHttpNoDoorSendsStrictTransportSecurity() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            send("GET", "/camunda/app/tasklist/default/", Role.ANONYMOUS, null),
            send("GET", "/api/v1/localisation-requests", Role.INVESTOR, null),
            sendForwarded("GET", "/api/v1/localisation-requests", Role.INVESTOR, "http"),
            send("GET", "/engine-rest/task?maxResults=10", Role.INVESTMENT_OFFICER, null))) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(response.headers().firstValue("Strict-Transport-Security")).as(response.uri().toString()).isEmpty();
    }
  }

  /** The attributes of one cookie the response sets, e.g. {@code [Path=/, Secure, HttpOnly]}. */
  private static List<String> cookieAttributes(HttpResponse<String> response, String name) {
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(name + "="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers().map()));
    return Stream.of(cookie.split(";")).skip(1).map(String::strip).toList();
  }

  // --- calls ---------------------------------------------------------------------------------

  private HttpResponse<String> call(Endpoint endpoint, Role role) throws Exception {
    return switch (endpoint) {
      case API_LIST -> send("GET", "/api/v1/localisation-requests", role, null);
      case API_GET_OWN_OF_INVESTOR_A -> send("GET", "/api/v1/localisation-requests/" + investorARequest, role, null);
      case API_POST -> send("POST", "/api/v1/localisation-requests", role, newRequestJson());
      case API_SITES -> send("GET", "/api/v1/sites", role, null);
      case API_OPENAPI -> send("GET", "/api/v1/openapi", role, null);
      case ENGINE_TASKS -> send("GET", "/engine-rest/task?maxResults=100", role, null);
      case ENGINE_ENGINES -> send("GET", "/engine-rest/engine", role, null);
      case ENGINE_START -> send("POST", START_PATH, role, startBody());
      case ENGINE_USERS -> send("GET", "/engine-rest/user?maxResults=100", role, null);
      case ACTUATOR_HEALTH -> send("GET", "/actuator/health", role, null);
      case ACTUATOR_ENV -> send("GET", "/actuator/env", role, null);
      case TASKLIST_PAGE -> send("GET", "/camunda/app/tasklist/default/", role, null);
      case TASKLIST_LOGIN -> tasklistLogin(role);
    };
  }

  /**
   * Logs in to Tasklist the way the browser does: the page first (which hands out the session and
   * the {@code XSRF-TOKEN} cookie), then the login form with the token in {@code X-XSRF-TOKEN}.
   * Anonymous posts empty credentials (no real user is locked by that).
   */
  private HttpResponse<String> tasklistLogin(Role role) throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = cookieClient(cookies);
    HttpResponse<String> page =
        client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.headers().map()));
    return client.send(loginRequest(role, token), BodyHandlers.ofString());
  }

  private HttpRequest loginRequest(Role role, String xsrfToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", role.user == null ? "" : role.user);
    form.put("password", role.password == null ? "" : role.password);
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(BodyPublishers.ofString(body.toString()));
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    return request.build();
  }

  private static HttpClient cookieClient(CookieManager cookies) {
    return HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private HttpResponse<String> send(String method, String path, Role role, String jsonBody) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)), method, role, jsonBody);
  }

  /** As nginx forwards it: the scheme the client used in {@code X-Forwarded-Proto}. */
  private HttpResponse<String> sendForwarded(String method, String path, Role role, String scheme) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-Proto", scheme), method, role, null);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String method, Role role, String jsonBody)
      throws Exception {
    if (role.user != null) {
      String pair = role.user + ":" + role.password;
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(jsonBody));
    } else {
      request.method(method, BodyPublishers.noBody());
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String newRequestJson() {
    return TestRequests.recyclingPlantJson("SEC-" + UUID.randomUUID());
  }

  private String startBody() throws Exception {
    var body = objectMapper.createObjectNode();
    body.putObject("variables")
        .putObject(ProcessVariables.REQUEST)
        .put("value", newRequestJson())
        .put("type", "Json");
    return objectMapper.writeValueAsString(body);
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return objectMapper.readTree(response.body());
  }
}
