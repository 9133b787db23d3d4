package ru.mos.localisation.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/**
 * The register of every request, finished ones included, read from the registry's tables: filters,
 * a search in numbers and investors' names (case-insensitive, a part of either), newest first.
 * Whether a request is overdue comes from the engine: one of its open tasks is past its due date.
 */
@Repository
public class SupervisionRegister {

  /** The columns of a row; a request's site is the one reserved or allocated to it. */
  private static final String SELECT =
      """
      SELECT r.number, r.investor_name, r.sector, r.status, r.stage, r.created_at, r.agreement_number,
             (SELECT MAX(e.occurred_at) FROM request_event e
               WHERE e.request_number = r.number AND e.type = r.status) AS finished_at,
             (SELECT MIN(s.id || ' — ' || s.name) FROM industrial_site s
               WHERE s.request_number = r.number) AS site
      FROM localisation_request r
      """;

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public SupervisionRegister(JdbcClient jdbc, TaskService taskService, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  public RegisterPage page(RegisterQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    long total = jdbc.sql("SELECT COUNT(*) FROM localisation_request r" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(query.size());
    pageParams.add((long) query.page() * query.size());
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<RegisterRow> rows =
        jdbc.sql(SELECT + where + " ORDER BY r.created_at DESC, r.number DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query((rs, n) -> row(rs, now))
            .list();
    Set<String> overdue = overdue(rows.stream().filter(row -> row.status() == RequestStatus.IN_PROGRESS).map(RegisterRow::number).toList());
    List<RegisterRow> marked =
        rows.stream().map(row -> overdue.contains(row.number()) ? withOverdue(row) : row).toList();
    return new RegisterPage(marked, query.page(), query.size(), total);
  }

  /** One request's row, if it exists. */
  public Optional<RegisterRow> find(String number) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return jdbc.sql(SELECT + " WHERE r.number = ?")
        .param(number)
        .query((rs, n) -> row(rs, now))
        .optional()
        .map(row -> overdue(List.of(number)).contains(number) ? withOverdue(row) : row);
  }

  private static String where(RegisterQuery query, List<Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (query.status() != null) {
      where.append(" AND r.status = ?");
      params.add(query.status().name());
    }
    if (query.stage() != null) {
      where.append(" AND r.stage = ?");
      params.add(query.stage().name());
    }
    if (query.sector() != null) {
      where.append(" AND r.sector = ?");
      params.add(query.sector().name());
    }
    if (query.search() != null) {
      where.append(" AND (LOWER(r.number) LIKE ? ESCAPE '\\' OR LOWER(r.investor_name) LIKE ? ESCAPE '\\')");
      String pattern = "%" + likeEscaped(query.search().toLowerCase(Locale.ROOT)) + "%";
      params.add(pattern);
      params.add(pattern);
    }
    return where.toString();
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The requests among these with an open task past its due date (their own or their site allocation's). */
  private Set<String> overdue(List<String> numbers) {
    if (numbers.isEmpty()) {
      return Set.of();
    }
    Set<String> instances =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKeyIn(numbers.toArray(String[]::new))
            .dueBefore(Date.from(clock.instant()))
            .list()
            .stream()
            .map(Task::getProcessInstanceId)
            .collect(Collectors.toSet());
    if (instances.isEmpty()) {
      return Set.of();
    }
    return runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
        .map(ProcessInstance::getBusinessKey)
        .collect(Collectors.toSet());
  }

  private static RegisterRow withOverdue(RegisterRow row) {
    return new RegisterRow(
        row.number(), row.investorName(), row.sector(), row.sectorName(), row.status(), row.statusName(), row.stage(),
        row.stageName(), row.registeredAt(), row.finishedAt(), row.daysOpen(), true, row.agreementNumber(), row.site());
  }

  private static RegisterRow row(ResultSet rs, OffsetDateTime now) throws SQLException {
    Sector sector = Sector.valueOf(rs.getString("sector"));
    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
    RequestStage stage = RequestStage.valueOf(rs.getString("stage"));
    OffsetDateTime registeredAt = rs.getObject("created_at", OffsetDateTime.class);
    OffsetDateTime finishedAt = status == RequestStatus.IN_PROGRESS ? null : rs.getObject("finished_at", OffsetDateTime.class);
    OffsetDateTime end = finishedAt != null ? finishedAt : now;
    long daysOpen = Math.max(0, Duration.between(registeredAt, end).toDays());
    String number = rs.getString("number");
    return new RegisterRow(
        number,
        rs.getString("investor_name"),
        sector,
        Labels.sector(sector),
        status,
        Labels.status(status),
        stage,
        Labels.stage(stage),
        registeredAt,
        finishedAt,
        daysOpen,
        false,
        rs.getString("agreement_number"),
        rs.getString("site"));
  }
}
