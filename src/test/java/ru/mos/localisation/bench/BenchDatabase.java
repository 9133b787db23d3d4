package ru.mos.localisation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's PostgreSQL: the one named by {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code _PASSWORD}), or else an embedded one started here.
 */
final class BenchDatabase implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  final String url;
  final String username;
  final String password;

  private BenchDatabase(EmbeddedPostgres embedded, String url, String username, String password) {
    this.embedded = embedded;
    this.url = url;
    this.username = username;
    this.password = password;
  }

  static BenchDatabase start() throws Exception {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    if (url != null && !url.isBlank()) {
      return new BenchDatabase(
          null,
          url,
          Optional.ofNullable(System.getenv("SPRING_DATASOURCE_USERNAME")).orElse("localisation"),
          Optional.ofNullable(System.getenv("SPRING_DATASOURCE_PASSWORD")).orElse(""));
    }
    // durable as in production: the embedded defaults (no fsync, asynchronous commit) suit tests,
    // but would measure a commit rate no city database has
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            // which statements the time goes to, and the plans of slow ones: the evidence for what
            // bounds a scenario (plans in target/bench/postgres-log)
            .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
            .setServerConfig("auto_explain.log_min_duration", "250ms")
            .setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", Path.of("target", "bench", "postgres-log").toAbsolutePath().toString())
            .start();
    return new BenchDatabase(postgres, "jdbc:postgresql://localhost:%d/postgres".formatted(postgres.getPort()), "postgres", "");
  }

  boolean embedded() {
    return embedded != null;
  }

  /** The URL of a new, empty database on the same server, where this user may create one. */
  Optional<String> createEmptyDatabase(String name) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      return Optional.of(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** Committed transactions of the benchmark's database so far, as PostgreSQL counts them. */
  long committedTransactions() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          statement.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Rows written so far per table of the benchmark's database, as PostgreSQL counts them
   * ({@code pg_stat_user_tables}): inserted, updated, deleted.
   */
  Map<String, long[]> writtenRows() throws SQLException {
    Map<String, long[]> rows = new LinkedHashMap<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          statement.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relname")) {
        while (rs.next()) {
          rows.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }
      }
    }
    return rows;
  }

  /** Forgets the statement statistics so far, where pg_stat_statements is loaded. */
  boolean resetStatementStatistics() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      statement.execute("SELECT pg_stat_statements_reset()");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The statements that took the most time since the last reset: calls, total and mean time. */
  List<Map<String, Object>> topStatements(int limit) {
    List<Map<String, Object>> top = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                """
                SELECT calls, total_exec_time, mean_exec_time, rows, query FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT ?
                """)) {
      query.setInt(1, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("calls", rs.getLong("calls"));
          row.put("totalMs", Math.round(rs.getDouble("total_exec_time")));
          row.put("meanMs", Math.round(rs.getDouble("mean_exec_time") * 1000) / 1000.0);
          row.put("rows", rs.getLong("rows"));
          row.put("query", rs.getString("query").replaceAll("\\s+", " "));
          top.add(row);
        }
      }
    } catch (SQLException e) {
      // pg_stat_statements is not loaded on this server: no statement figures
    }
    return top;
  }

  /** The server's version and the settings that bound its commit rate. */
  Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("url", url.replaceFirst("\\?.*", ""));
    settings.put("embedded", String.valueOf(embedded()));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String name :
          new String[] {"server_version", "synchronous_commit", "fsync", "wal_sync_method", "shared_buffers", "max_connections"}) {
        try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    }
    return settings;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
  }
}
