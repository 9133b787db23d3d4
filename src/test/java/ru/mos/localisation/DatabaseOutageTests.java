package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * PostgreSQL goes away under the investor API and comes back: calls fail fast with 503
 * problem+json, nothing is half-written, and the application recovers by itself.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.generate-unique-process-application-name=true",
      "camunda.bpm.job-execution.enabled=false",
      // fail fast while the database is away instead of waiting 30 s for a connection
      "spring.datasource.hikari.connection-timeout=2000",
      "spring.datasource.hikari.validation-timeout=1000"
    })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTests {

  private static final String REQUESTS = "/api/v1/localisation-requests";

  @Autowired RestartablePostgres postgres;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void outageAnswers503ThenTheApplicationRecoversWithNothingHalfWritten() throws Exception {
    assertThat(submit("OUTAGE-BEFORE").statusCode()).isEqualTo(201);
    long requestsBefore = count();

    postgres.stop();
    HttpResponse<String> during = submit("OUTAGE-DURING");
    postgres.start();

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(during.headers().firstValue("Retry-After")).isEqualTo(Optional.of("5"));
    assertThat(during.body()).doesNotContain("Exception").doesNotContain("at ru.");

    HttpResponse<String> after = Polling.awaitValue("the application to recover", Duration.ofSeconds(30), () -> {
      HttpResponse<String> response = submit("OUTAGE-AFTER");
      return response.statusCode() == 503 ? Optional.empty() : Optional.of(response);
    });
    assertThat(after.statusCode()).isEqualTo(201);
    // the call during the outage left nothing behind; the one after it stored one request
    assertThat(count()).isEqualTo(requestsBefore + 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM localisation_request WHERE external_reference = 'OUTAGE-DURING'")
        .query(Long.class).single()).isZero();
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM localisation_request").query(Long.class).single();
  }

  private HttpResponse<String> submit(String reference) {
    try {
      String credentials = Base64.getEncoder().encodeToString("investor:demo".getBytes(StandardCharsets.UTF_8));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + REQUESTS))
              .timeout(Duration.ofSeconds(20))
              .header("Authorization", "Basic " + credentials)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(TestRequests.recyclingPlantJson(reference)))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An embedded PostgreSQL on a fixed port and data directory, so it can stop and start again. */
  static final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    RestartablePostgres() throws IOException {
      this.dataDirectory = Files.createTempDirectory("outage-pg");
      try (ServerSocket socket = new ServerSocket(0)) {
        this.port = socket.getLocalPort();
      }
      start();
    }

    synchronized void start() throws IOException {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    }

    synchronized void stop() throws IOException {
      running.close();
    }

    @Override
    public synchronized void close() throws IOException {
      running.close();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class OutageDatabase {

    @Bean(destroyMethod = "close")
    RestartablePostgres restartablePostgres() throws IOException {
      return new RestartablePostgres();
    }

    @Bean
    JdbcConnectionDetails restartablePostgresConnection(RestartablePostgres postgres) {
      return EmbeddedPostgresConfiguration.connectionTo(postgres.port);
    }
  }
}
