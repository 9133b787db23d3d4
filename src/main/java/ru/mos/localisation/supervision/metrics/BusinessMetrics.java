package ru.mos.localisation.supervision.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.supervision.Dashboard;

/**
 * The business metrics, computed from the database when Prometheus scrapes (at most once per
 * {@link #CACHE_TIME} per node, so that several scrapers cost one set of queries):
 *
 * <ul>
 *   <li>{@code localisation_requests{status,stage}}: requests by status and stage (every open
 *       stage and every final status, zeros included, so a series never vanishes);
 *   <li>{@code localisation_tasks_overdue{group}}: open tasks past their due date, by official group;
 *   <li>{@code localisation_stage_duration_seconds{stage}}: a histogram of how long requests stayed
 *       in each stage, over every stage a request has left (from the registry's timeline);
 *   <li>{@code localisation_jobs{state}}: the engine's jobs ready to run, and failed (no retries left,
 *       an incident).
 * </ul>
 *
 * The investors' letters are notification's own metrics: {@code localisation_notifications{status}}
 * (pending and failed, from the outbox) and {@code localisation_notifications_attempts_total{outcome}}.
 */
@Component
public class BusinessMetrics implements MultiCollector {

  static final Duration CACHE_TIME = Duration.ofSeconds(10);
  /** Upper bounds of the stage duration buckets: an hour to a quarter. */
  static final double[] STAGE_BUCKETS = {
    3_600, 6 * 3_600, 86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400, 60 * 86_400, 90 * 86_400, Double.POSITIVE_INFINITY
  };

  private final JdbcClient jdbc;
  private final Dashboard dashboard;
  private final ManagementService managementService;
  private final Clock clock;
  private MetricSnapshots cached;
  private Instant cachedAt = Instant.MIN;

  public BusinessMetrics(
      JdbcClient jdbc, Dashboard dashboard, ManagementService managementService, Clock clock,
      ObjectProvider<PrometheusRegistry> registry) {
    this.jdbc = jdbc;
    this.dashboard = dashboard;
    this.managementService = managementService;
    this.clock = clock;
    // with the Prometheus export switched off (e.g. tests without observability) there is nothing to add to
    registry.ifAvailable(prometheus -> prometheus.register(this));
  }

  @Override
  public synchronized MetricSnapshots collect() {
    Instant now = clock.instant();
    if (cached == null || now.isAfter(cachedAt.plus(CACHE_TIME))) {
      cached = new MetricSnapshots(requests(), overdueTasks(), stageDurations(), jobs());
      cachedAt = now;
    }
    return cached;
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.of(
        "localisation_requests", "localisation_tasks_overdue", "localisation_stage_duration_seconds", "localisation_jobs");
  }

  private GaugeSnapshot requests() {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (RequestStage stage : RequestStage.values()) {
      if (stage != RequestStage.DONE) {
        counts.put(List.of(RequestStatus.IN_PROGRESS.name(), stage.name()), 0L);
      }
    }
    for (RequestStatus status : RequestStatus.values()) {
      if (status != RequestStatus.IN_PROGRESS) {
        counts.put(List.of(status.name(), RequestStage.DONE.name()), 0L);
      }
    }
    jdbc.sql("SELECT status, stage, COUNT(*) AS n FROM localisation_request GROUP BY status, stage")
        .query(rs -> {
          counts.put(List.of(rs.getString("status"), rs.getString("stage")), rs.getLong("n"));
        });
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("localisation_requests").help("Requests in the registry by status and stage");
    counts.forEach((key, n) ->
        gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("status", key.get(0), "stage", key.get(1))).value(n).build()));
    return gauge.build();
  }

  private GaugeSnapshot overdueTasks() {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder().name("localisation_tasks_overdue").help("Open tasks past their due date by official group");
    for (Dashboard.Count count : dashboard.overdueTasksByGroup()) {
      gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("group", count.code())).value(count.count()).build());
    }
    return gauge.build();
  }

  /** Each stage a request left: from its STAGE_ event to the next stage's or the request's end. */
  private HistogramSnapshot stageDurations() {
    Map<RequestStage, long[]> buckets = new EnumMap<>(RequestStage.class);
    Map<RequestStage, Double> sums = new EnumMap<>(RequestStage.class);
    for (RequestStage stage : RequestStage.values()) {
      if (stage != RequestStage.DONE) {
        buckets.put(stage, new long[STAGE_BUCKETS.length]);
        sums.put(stage, 0.0);
      }
    }
    jdbc.sql(
            """
            SELECT type, occurred_at, LEAD(occurred_at) OVER (PARTITION BY request_number ORDER BY id) AS left_at
            FROM request_event
            WHERE type LIKE 'STAGE\\_%' ESCAPE '\\' OR type IN ('APPROVED', 'REJECTED', 'WITHDRAWN', 'CLOSED_DOCUMENTS_NOT_SUPPLIED', 'CANCELLED')
            """)
        .query(rs -> {
          OffsetDateTime leftAt = rs.getObject("left_at", OffsetDateTime.class);
          String type = rs.getString("type");
          if (leftAt == null || !type.startsWith("STAGE_")) {
            return;
          }
          RequestStage stage = stageOrNull(type.substring("STAGE_".length()));
          if (stage == null || !buckets.containsKey(stage)) {
            return;
          }
          double seconds = Math.max(0, Duration.between(rs.getObject("occurred_at", OffsetDateTime.class), leftAt).toMillis() / 1000.0);
          long[] counts = buckets.get(stage);
          for (int i = 0; i < STAGE_BUCKETS.length; i++) {
            if (seconds <= STAGE_BUCKETS[i]) {
              counts[i]++;
              break;
            }
          }
          sums.merge(stage, seconds, Double::sum);
        });
    HistogramSnapshot.Builder histogram =
        HistogramSnapshot.builder()
            .name("localisation_stage_duration_seconds")
            .unit(Unit.SECONDS)
            .help("How long requests stayed in each stage they have left");
    buckets.forEach((stage, counts) ->
        histogram.dataPoint(
            HistogramDataPointSnapshot.builder()
                .labels(Labels.of("stage", stage.name()))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(STAGE_BUCKETS, counts))
                .sum(sums.get(stage))
                .build()));
    return histogram.build();
  }

  private GaugeSnapshot jobs() {
    return GaugeSnapshot.builder()
        .name("localisation_jobs")
        .help("The engine's jobs: ready to run now, and failed with no retries left (incidents)")
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", "executable"))
            .value(managementService.createJobQuery().executable().count()).build())
        .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", "failed"))
            .value(managementService.createJobQuery().noRetriesLeft().count()).build())
        .build();
  }

  private static RequestStage stageOrNull(String name) {
    for (RequestStage stage : RequestStage.values()) {
      if (stage.name().equals(name)) {
        return stage;
      }
    }
    return null;
  }
}
