package ru.mos.localisation.forms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decisions officials took on a request (table {@code official_decision}), written in the
 * transaction that completes the task, read for the forms of the officials who come next.
 */
@Repository
public class OfficialDecisions {

  /** One decision: the task, what was decided in words, the official's own text, who and when. */
  public record Decision(
      String taskKey,
      String taskName,
      String outcome,
      String comment,
      String decidedBy,
      String decidedByName,
      OffsetDateTime decidedAt) {

    /**
     * The official as the next one reads them: «Анна Петрова (a.petrova)», or the account alone
     * where the name says no more (the demo users are named after their accounts).
     */
    public String official() {
      if (decidedBy == null) {
        return "";
      }
      if (decidedByName == null || decidedByName.isBlank() || decidedByName.startsWith(decidedBy)) {
        return decidedBy;
      }
      return decidedByName + " (" + decidedBy + ")";
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public OfficialDecisions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(
      String number, String taskKey, String taskName, String outcome, String comment, String decidedBy, String decidedByName) {
    jdbc.sql(
            """
            INSERT INTO official_decision
                (request_number, task_key, task_name, outcome, comment, decided_by, decided_by_name, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            number, taskKey, taskName, cut(outcome, 1000), cut(comment, 4000), decidedBy, cut(decidedByName, 300),
            OffsetDateTime.now(clock))
        .update();
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  /** The request's decisions, oldest first. */
  public List<Decision> of(String number) {
    return jdbc.sql(
            """
            SELECT task_key, task_name, outcome, comment, decided_by, decided_by_name, decided_at
            FROM official_decision WHERE request_number = ? ORDER BY id
            """)
        .param(number)
        .query(
            (row, i) ->
                new Decision(
                    row.getString("task_key"),
                    row.getString("task_name"),
                    row.getString("outcome"),
                    row.getString("comment"),
                    row.getString("decided_by"),
                    row.getString("decided_by_name"),
                    row.getObject("decided_at", OffsetDateTime.class)))
        .list();
  }

  /** The latest decision taken at the task, if any. */
  public Optional<Decision> latest(String number, String taskKey) {
    List<Decision> decisions = of(number).stream().filter(d -> d.taskKey().equals(taskKey)).toList();
    return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
  }
}
