package ru.mos.localisation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL for one test context: started with it, closed after everything that uses it
 * (the engine, its job executor, the connection pool) when the context closes. {@link
 * PostgresTest} imports it: its classes share the context and the database, which stop with the
 * test JVM's context cache.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  /**
   * Stopped by the context, after the engine and the pool that use it. Not by a JVM shutdown hook
   * of its own: a context shared by several classes closes at the JVM's exit, and a database stopped
   * meanwhile by that hook left the engine's last metrics report waiting 30 s for a connection.
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  /** Points the application's data source at the embedded database instead of spring.datasource.*. */
  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return connectionTo(postgres.getPort());
  }

  /** The connection to an embedded PostgreSQL's default database on a port. */
  public static JdbcConnectionDetails connectionTo(int port) {
    String url = "jdbc:postgresql://localhost:%d/postgres".formatted(port);
    return new JdbcConnectionDetails() {
      @Override
      public String getUsername() {
        return "postgres";
      }

      @Override
      public String getPassword() {
        return "";
      }

      @Override
      public String getJdbcUrl() {
        return url;
      }
    };
  }
}
