package ru.mos.localisation.database;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Teaches PostgreSQL how many authorizations grant a permission. Every task query of an official
 * joins the authorizations with {@code PERMS_ & <permission> = <permission>}; without statistics on
 * that expression the planner guesses a handful of rows, while Camunda keeps one authorization per
 * open task for its candidate group. It then picks a plan that compares every task with every
 * authorization: 0.5 s for a Tasklist filter at 2,000 open requests instead of 25 ms (README,
 * Performance). Expression statistics exist from PostgreSQL 14; elsewhere this does nothing.
 */
@Component
public class AuthorizationStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  /** READ on a task and READ_TASK on a process definition: what task queries check. */
  private static final int[] CHECKED_PERMISSIONS = {2, 64};

  private final DataSource dataSource;

  public AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** After deployment: Camunda has created its tables by then. */
  @EventListener
  public void onPostDeploy(PostDeployEvent event) throws SQLException {
    if (!postgres14OrLater()) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (int permission : CHECKED_PERMISSIONS) {
      jdbc.execute(
          "CREATE STATISTICS IF NOT EXISTS act_ru_authorization_perms_%d ON (perms_ & %d) FROM act_ru_authorization"
              .formatted(permission, permission));
    }
    jdbc.execute("ANALYZE act_ru_authorization");
    LOG.info("Planner statistics on the permissions of ACT_RU_AUTHORIZATION in place");
  }

  private boolean postgres14OrLater() throws SQLException {
    try (var connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      return "PostgreSQL".equals(database.getDatabaseProductName()) && database.getDatabaseMajorVersion() >= 14;
    }
  }
}
