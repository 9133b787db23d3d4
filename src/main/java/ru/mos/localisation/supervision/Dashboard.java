package ru.mos.localisation.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.webapps.OfficialGroup;

/**
 * The board's figures: open requests by stage, overdue tasks by group (the workload), decisions of
 * this month (Moscow time), and how long a decision takes — median and 90th percentile of the days
 * from registration to approval or rejection, over the decisions of the last 90 days.
 */
@Service
public class Dashboard {

  /** The city's calendar: «this month» begins at midnight in Moscow. */
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Duration DECISION_WINDOW = Duration.ofDays(90);

  /** A count with its code and Russian name. */
  public record Count(String code, String name, long count) {}

  /**
   * The panel's content.
   *
   * @param decisionsInWindow how many decisions the percentiles are taken over
   * @param medianDays null without decisions in the window
   */
  public record Figures(
      List<Count> openByStage,
      List<Count> overdueTasksByGroup,
      long approvedThisMonth,
      long rejectedThisMonth,
      long decisionsInWindow,
      Double medianDays,
      Double p90Days) {}

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final Clock clock;

  public Dashboard(JdbcClient jdbc, TaskService taskService, Clock clock) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.clock = clock;
  }

  public Figures figures() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime monthStart = ZonedDateTime.now(clock.withZone(MOSCOW)).withDayOfMonth(1).toLocalDate().atStartOfDay(MOSCOW).toOffsetDateTime();
    List<Double> days = decisionDays(now.minus(DECISION_WINDOW));
    return new Figures(
        openByStage(),
        overdueTasksByGroup(),
        decidedSince(RequestStatus.APPROVED, monthStart),
        decidedSince(RequestStatus.REJECTED, monthStart),
        days.size(),
        percentile(days, 0.5),
        percentile(days, 0.9));
  }

  private List<Count> openByStage() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT stage, COUNT(*) AS n FROM localisation_request WHERE status = ? GROUP BY stage")
        .param(RequestStatus.IN_PROGRESS.name())
        .query(rs -> {
          counts.put(rs.getString("stage"), rs.getLong("n"));
        });
    List<Count> result = new ArrayList<>();
    for (RequestStage stage : RequestStage.values()) {
      if (stage != RequestStage.DONE) {
        result.add(new Count(stage.name(), Labels.stage(stage), counts.getOrDefault(stage.name(), 0L)));
      }
    }
    return result;
  }

  /** Open tasks of each official group past their due date, claimed or not. */
  public List<Count> overdueTasksByGroup() {
    Date now = Date.from(clock.instant());
    return java.util.Arrays.stream(OfficialGroup.values())
        .map(group -> new Count(group.id(), group.filterName(),
            taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks().dueBefore(now).count()))
        .toList();
  }

  private long decidedSince(RequestStatus status, OffsetDateTime since) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM localisation_request r
            WHERE r.status = ? AND EXISTS (SELECT 1 FROM request_event e
              WHERE e.request_number = r.number AND e.type = r.status AND e.occurred_at >= ?)
            """)
        .params(status.name(), since)
        .query(Long.class)
        .single();
  }

  /** Days from registration to the decision, of every request approved or rejected since then, in order. */
  private List<Double> decisionDays(OffsetDateTime since) {
    return jdbc.sql(
            """
            SELECT r.created_at, e.occurred_at FROM localisation_request r
            JOIN request_event e ON e.request_number = r.number AND e.type = r.status
            WHERE r.status IN (?, ?) AND e.occurred_at >= ?
            """)
        .params(RequestStatus.APPROVED.name(), RequestStatus.REJECTED.name(), since)
        .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)).toSeconds() / 86_400.0)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  /** The nearest-rank percentile of sorted values, rounded to a tenth of a day; null for none. */
  static Double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    double value = sorted.get(Math.max(0, rank - 1));
    return Math.round(value * 10) / 10.0;
  }
}
