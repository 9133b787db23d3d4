package ru.mos.localisation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The benchmark's HTTP client: loopback only, HTTP Basic, JSON in and out. */
final class Http {

  /** A user of the demo profile. */
  record User(String id, String password) {
    String authorization() {
      return "Basic "
          + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  static final User INVESTOR = new User("investor", "demo");
  static final User ADMIN = new User("admin", "admin");
  static final User OFFICER = new User("investment.officer", "demo");
  static final User ECO_REVIEWER = new User("eco.reviewer", "demo");
  static final User MOSPROM_SPECIALIST = new User("mosprom.specialist", "demo");
  static final User SITE_OFFICER = new User("site.officer", "demo");
  static final User HEAD = new User("investment.head", "demo");

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  Http(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  JsonNode get(User user, String path) throws IOException, InterruptedException {
    return send(user, "GET", path, null, "application/json", 200);
  }

  JsonNode post(User user, String path, String body, int expectedStatus) throws IOException, InterruptedException {
    return send(user, "POST", path, body, "application/json", expectedStatus);
  }

  /** Sends and checks the status; a wrong status is an error of the operation, with the answer. */
  JsonNode send(User user, String method, String path, String body, String accept, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", user.authorization())
            .header("Accept", accept);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
    }
    var response = client.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          "%s %s answered %d: %s".formatted(method, path, response.statusCode(), response.body()));
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
