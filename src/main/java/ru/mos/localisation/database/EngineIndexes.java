package ru.mos.localisation.database;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables that its schema lacks, on PostgreSQL. They are made after the engine
 * has created its tables (Flyway runs before it, on a new database the tables do not exist yet).
 *
 * <ul>
 *   <li>{@code ACT_RU_JOB (DUEDATE_)}: the job executor asks for due jobs ({@code DUEDATE_ IS NULL OR
 *       DUEDATE_ <= now}) every few hundred milliseconds under load; every open request has a
 *       waiting timer (the assessment deadline), so without the index each acquisition read all of
 *       them: 6.6 ms at 10,000 open requests, 0.08 ms with it (README, Performance).
 *   <li>{@code ACT_RU_TASK (DUE_DATE_)}: the officials' filters sort by due date first. With their
 *       task query free of {@code DISTINCT} ({@link TaskQueryAuthorization}), PostgreSQL reads the
 *       tasks in this index's order and stops after the page (an incremental sort orders tasks of
 *       the same due date by the columns after it), instead of sorting every open task.
 * </ul>
 */
@Component
public class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final String JOB_DUE_DATE = "CREATE INDEX IF NOT EXISTS act_idx_job_duedate_loc ON act_ru_job (duedate_)";

  static final String TASK_DUE_DATE = "CREATE INDEX IF NOT EXISTS act_idx_task_duedate_loc ON act_ru_task (due_date_)";

  private final DataSource dataSource;

  public EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener
  public void onPostDeploy(PostDeployEvent event) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
    }
    for (String index : new String[] {JOB_DUE_DATE, TASK_DUE_DATE}) {
      try {
        new JdbcTemplate(dataSource).execute(index);
      } catch (DataAccessException e) {
        // another node made it at the same moment
        LOG.info("Index not created here ({}): {}", index, e.getMostSpecificCause().getMessage());
      }
    }
  }
}
