package ru.mos.localisation.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.PostgresTest;

/**
 * The planner settings reach every connection to PostgreSQL without the {@code postgres} profile:
 * this context runs the {@code demo} and {@code test} profiles only, on a PostgreSQL named by its
 * URL, as an operator who sets {@code SPRING_DATASOURCE_URL} alone would run it.
 */
@PostgresTest
class PostgresSessionSettingsTests {

  @Autowired DataSource dataSource;

  @Test
  void everyConnectionPlansForSsdsAndForEachQuerysOwnValues() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }
}
