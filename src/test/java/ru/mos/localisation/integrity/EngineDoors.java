package ru.mos.localisation.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.Map;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.WebappSession;

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

  private final HttpTestClient http;
  private final String engine;
  private final Map<String, WebappSession> sessions = new HashMap<>();

  EngineDoors(int port, String engine) {
    this.http = HttpTestClient.onPort(port);
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
    HttpTestClient client;
    String xsrfToken = null;
    if (door == Door.ENGINE_REST) {
      client = http.as(user, PASSWORDS.get(user));
    } else {
      WebappSession session = sessions.computeIfAbsent(user, name -> WebappSession.logIn(http, engine, name, PASSWORDS.get(name)));
      client = session.client();
      xsrfToken = session.xsrfToken();
    }
    HttpTestClient.Request request =
        client.request(method, door.enginesBase + engine + path).header("Accept", "application/json");
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    if (body != null) {
      request.body(contentType, body);
    }
    return reply(request.send());
  }

  /** The door's answer; a body that is not a JSON object or array (a page, nothing) is missing. */
  private static Reply reply(HttpTestClient.Reply response) {
    String text = response.body().trim();
    JsonNode body = text.startsWith("{") || text.startsWith("[") ? HttpTestClient.parse(text) : MissingNode.getInstance();
    return new Reply(response.statusCode(), body);
  }
}
