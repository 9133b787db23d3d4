package ru.mos.localisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON posted over HTTP with HTTP Basic, for tests that call both doors of a running application. */
public final class ApiCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A demo account and its password. */
  public record User(String id, String password) {
    String basicAuthorization() {
      return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An HTTP answer: status, content type and the JSON body (missing when empty). */
  public record Reply(int status, String contentType, JsonNode body) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final Duration timeout;

  public ApiCalls(int port, Duration timeout) {
    this.baseUrl = "http://localhost:" + port;
    this.timeout = timeout;
  }

  public Reply post(User user, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Authorization", user.basicAuthorization())
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build();
    try {
      var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode parsed = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("POST " + path + " interrupted", e);
    }
  }

  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
