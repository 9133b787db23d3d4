package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import ru.mos.localisation.HttpTestClient.Reply;

/**
 * PostgreSQL goes away under the investor API and comes back: calls fail fast with 503
 * problem+json, nothing is half-written, and the application recovers by itself.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // the requests are filed as JSON alone, naming their documents without files
      "localisation.documents.announced-count-as-filed=true",
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

  private HttpTestClient investor;


  @Test
  void outageAnswers503ThenTheApplicationRecoversWithNothingHalfWritten() throws Exception {
    assertThat(submit("OUTAGE-BEFORE").statusCode()).isEqualTo(201);
    long requestsBefore = count();

    postgres.stop();
    Reply during = submit("OUTAGE-DURING");
    postgres.start();

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(during.header("Retry-After")).isEqualTo(Optional.of("5"));
    assertThat(during.body()).doesNotContain("Exception").doesNotContain("at ru.");

    Reply after =
        await("the application to recover")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> submit("OUTAGE-AFTER"), response -> response.statusCode() != 503);
    assertThat(after.statusCode()).isEqualTo(201);
    // the call during the outage left nothing behind; the one after it stored one request
    assertThat(count()).isEqualTo(requestsBefore + 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM localisation_request WHERE external_reference = 'OUTAGE-DURING'")
        .query(Long.class).single()).isZero();
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM localisation_request").query(Long.class).single();
  }

  private Reply submit(String reference) {
    if (investor == null) {
      investor = HttpTestClient.onPort(port, Duration.ofSeconds(20)).as("investor", "demo");
    }
    return investor.post(REQUESTS, TestRequests.recyclingPlantJson(reference));
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
