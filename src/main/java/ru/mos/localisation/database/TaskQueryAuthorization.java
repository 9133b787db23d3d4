package ru.mos.localisation.database;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task queries of users (Tasklist's filters and lists, {@code /engine-rest/task}) check the
 * authorizations in subqueries instead of Camunda's join. Camunda joins every task with each
 * authorization that may grant it and keeps the tasks with a match: with one authorization per
 * open task for its candidate group, PostgreSQL probes the authorizations once per task, three
 * keys each, and a Tasklist page (list and count) grew linearly with the open work — 250 ms a
 * query at 10,000 open requests. Asked as {@code RES.ID_ IN (SELECT …)}, the authorizations are
 * read once per query into a hash table (README, Performance). Likewise the groups that hold any
 * authorization, which the engine asks once per command of a user: read from the index on the
 * group, not from every authorization.
 *
 * <p>The statements ({@code TaskQueryAuthorization.xml}) are Camunda 7.24's task query with only
 * the authorization check changed; the same authorizations grant a task as before, and revokes,
 * where they are checked, still go through Camunda's own check. They are registered in the
 * engine's MyBatis configuration and put in place of Camunda's two task query statements on every
 * database.
 *
 * <p>A query without OR parts and without an involved user (Tasklist's filters for officials: a
 * candidate group, an assignee, due dates) also asks its candidate conditions in an {@code EXISTS}
 * subquery instead of joining the identity links. No join then repeats a task, so the list needs
 * no {@code DISTINCT} and the count no {@code COUNT(DISTINCT …)}: PostgreSQL reads the tasks in
 * the index order of the sort column and stops after the page, instead of sorting every visible
 * task to drop duplicates first. The same tasks match: in a single query all candidate conditions
 * are on one identity link, which the {@code EXISTS} asks for just as the join did. The order is
 * the same up to tasks equal in every sort key, whose order neither statement defines.
 */
@Component
public class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorization.class);

  static final String MAPPER = "ru/mos/localisation/database/TaskQueryAuthorization.xml";
  private static final String NAMESPACE = "ru.mos.localisation.database.TaskQueryAuthorization.";

  /** Camunda's statements and the ones that replace them. */
  static final Map<String, String> STATEMENTS =
      Map.of(
          "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteriaAuthorizedInSubqueries",
          "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteriaAuthorizedInSubqueries",
          "selectAuthorizedGroupIds", NAMESPACE + "selectAuthorizedGroupIdsByIndex");

  /**
   * Whether the candidate conditions are asked in an {@code EXISTS} subquery: with OR parts or an
   * involved user, conditions of different parts are on the same joined identity link, so the join
   * stays.
   */
  public static boolean candidatesInSubquery(TaskQueryImpl query) {
    return query.getQueries().size() == 1 && query.getInvolvedUser() == null;
  }

  /**
   * Whether every task is one row of the query: no identity links joined, and no sorting by a
   * variable (a join too). The remaining joins (definition, execution, case) are many-to-one.
   */
  public static boolean oneRowPerTask(TaskQueryImpl query) {
    return candidatesInSubquery(query)
        && (query.getOrderingProperties() == null
            || query.getOrderingProperties().stream().allMatch(ordering -> ordering.getRelation() == null));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      // a shared session factory (several engines in one JVM) holds the statements already
      if (!mybatis.isResourceLoaded(MAPPER)) {
        try (InputStream mapper = TaskQueryAuthorization.class.getClassLoader().getResourceAsStream(MAPPER)) {
          new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read " + MAPPER, e);
        }
      }
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    if (STATEMENTS.keySet().stream().anyMatch(mappings::containsKey)) {
      // a database with a task query of its own in Camunda: that one stays
      LOG.warn("Camunda's task query on {} is its own; authorizations stay joined", engine.getDatabaseType());
      return;
    }
    mappings.putAll(STATEMENTS);
    // a copy: Camunda's mappings per database are shared by every engine of the JVM
    sessions.setStatementMappings(mappings);
  }
}
