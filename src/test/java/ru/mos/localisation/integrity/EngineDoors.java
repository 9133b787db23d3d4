package ru.mos.localisation.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import ru.mos.localisation.ApiCalls;

/**
 * The two HTTP doors to the engine, as their clients use them: {@code /engine-rest} with HTTP
 * Basic, and the webapps' own API behind a Tasklist session with its {@code X-XSRF-TOKEN}.
 */
final class EngineDoors {

  /** Where a caller reaches the engine's REST API (named engine, as tests run several). */
  enum Door {
    ENGINE_REST("/engine-rest/engine/"),
    WEBAPP("/camunda/api/engine/engine/");

    final String enginesBase;

    Door(String enginesBase) {
      this.enginesBase = enginesBase;
    }
  }

  /** An answer: status and JSON body (missing when empty). */
  record Reply(int status, JsonNode body) {
    String type() {
      return body.path("type").asText();
    }

    String message() {
      return body.path("message").asText();
    }
  }

  private static final Map<String, String> PASSWORDS =
      Map.of("admin", "admin", "investment.officer", "demo", "compliance.officer", "demo", "eco.reviewer", "demo");

  private final String baseUrl;
  private final String engine;
  private final HttpClient basic = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Session> sessions = new HashMap<>();

  EngineDoors(int port, String engine) {
    this.baseUrl = "http://localhost:" + port;
    this.engine = engine;
  }

  /** {@code method} on {@code path} below the engine's base of {@code door}, as {@code user}. */
  Reply call(Door door, String user, String method, String path, String json) {
    return call(door, user, method, path, json == null ? null : "application/json", json);
  }

  /** A deployment of one model, as Camunda Modeler sends it ({@code multipart/form-data}). */
  Reply deploy(Door door, String user, String name, String model) {
    String boundary = "----deployment" + name;
    String body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + ".bpmn\"; filename=\""
            + name + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n"
            + "--" + boundary + "--\r\n";
    return call(door, user, "POST", "/deployment/create", "multipart/form-data; boundary=" + boundary, body);
  }

  private Reply call(Door door, String user, String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + door.enginesBase + engine + path))
            .header("Accept", "application/json")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (door == Door.ENGINE_REST) {
      String pair = user + ":" + PASSWORDS.get(user);
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      return send(basic, request.build());
    }
    Session session = sessions.computeIfAbsent(user, this::logIn);
    request.header("X-XSRF-TOKEN", session.xsrfToken());
    return send(session.client(), request.build());
  }

  private record Session(HttpClient client, String xsrfToken) {}

  /** As the browser does: the page (session and XSRF token), then the login form. */
  private Session logIn(String user) {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
    send(client, HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/" + engine + "/")).GET().build());
    String token = xsrfToken(cookies);
    String form =
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(PASSWORDS.get(user), StandardCharsets.UTF_8);
    Reply login =
        send(
            client,
            HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/" + engine + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(BodyPublishers.ofString(form))
                .build());
    if (login.status() != 200) {
      throw new AssertionError("login of " + user + " failed: " + login);
    }
    // the session is new after the login: its first request hands out its own token
    send(client, HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/" + engine)).GET().build());
    return new Session(client, xsrfToken(cookies));
  }

  private static String xsrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .reduce((first, second) -> second)
        .map(HttpCookie::getValue)
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  private static Reply send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode body = text == null || text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("[")
          ? MissingNode.getInstance()
          : ApiCalls.parse(text);
      return new Reply(response.statusCode(), body);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }
}
