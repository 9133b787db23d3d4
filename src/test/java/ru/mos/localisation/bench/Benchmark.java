package ru.mos.localisation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.LocalisationApplication;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.sites.SiteStatus;
import ru.mos.localisation.webapps.OfficialGroup;

/**
 * Measures one node of the application on PostgreSQL against the engine's own baseline and the
 * database's raw commit rate; prints a table and writes {@code target/bench/results.json}. Asserts
 * nothing about time. Run it with {@code ./mvnw -Pbench verify}; settings are system properties
 * ({@code bench.rounds}, {@code bench.clients}, {@code bench.seconds}, {@code bench.openRequests}).
 *
 * <p>Every comparison is measured in this one run, its two sides alternating round by round (the
 * side that goes first alternates too), after a warm-up of each side.
 */
public final class Benchmark {

  private static final String ASSESS_TASK = "Task_AssessRequest";

  private final int rounds = Integer.getInteger("bench.rounds", 3);
  private final int clients = Integer.getInteger("bench.clients", 4);
  private final Duration phase = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private final Duration lifecyclePhase = phase.multipliedBy(3).dividedBy(2);
  /** The scales of the Tasklist scenario, in increasing order: open requests awaiting assessment. */
  private final List<Integer> openRequests =
      Arrays.stream(System.getProperty("bench.openRequests", "1000,10000").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .sorted()
          .toList();
  /** Which scenarios run (1 intake, 2 lifecycles and 3 commits, 4 latency, 5 Tasklist, 6 start-up). */
  private final Set<String> scenarios =
      Set.of(System.getProperty("bench.scenarios", "1,2,4,5,6").replace(" ", "").split(","));
  private final int sites = Integer.getInteger("bench.sites", 3_000);
  private final Path output = Path.of("target", "bench");
  /** Extra arguments for the application, e.g. to measure it with a tuning turned off. */
  private final String applicationArguments = System.getProperty("bench.appArgs", "").strip();
  private final String label = System.getProperty("bench.label", "default");

  private final Report report = new Report();
  private BenchDatabase database;
  private ConfigurableApplicationContext node;
  private Http http;

  public static void main(String[] args) throws Exception {
    new Benchmark().run();
    // the embedded database and the application are closed; nothing else should keep the JVM
    System.exit(0);
  }

  private void run() throws Exception {
    try (BenchDatabase db = BenchDatabase.start()) {
      database = db;
      describeEnvironment();
      if (scenarios.contains("6")) {
        startup();
      }
      node = startNode();
      try {
        http = new Http(node.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        addSites();
        Report.Measured apiIntake = null;
        if (scenarios.contains("1")) {
          apiIntake = withStatements("1 intake", this::intakeOverhead);
        }
        if (scenarios.contains("2")) {
          withStatements("2-3 lifecycles, raw commits", this::lifecycleAndCommits);
          footprint();
        }
        if (scenarios.contains("4") && apiIntake != null) {
          double half = apiIntake.medianPerSecond() / 2;
          withStatements("4 intake at half load", () -> latencyUnderLoad(half));
        }
        if (scenarios.contains("5")) {
          withStatements("5 Tasklist filter", this::officialsQueryAtScale);
        }
      } finally {
        node.close();
      }
    }
    report.print();
    report.write(output.resolve("results.json"));
    report.write(output.resolve("results-" + label + ".json"));
  }

  // --- set-up ------------------------------------------------------------------------------

  private void describeEnvironment() throws Exception {
    report.environment("label", label);
    report.environment("date", OffsetDateTime.now().withNano(0).toString());
    report.environment("application arguments", applicationArguments);
    report.environment("cpus", Runtime.getRuntime().availableProcessors());
    report.environment("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    report.environment("max heap MiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    report.environment("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    report.environment("database", database.settings());
    report.environment("rounds", rounds);
    report.environment("clients", clients);
    report.environment("phase seconds", phase.toSeconds() + " (lifecycles " + lifecyclePhase.toSeconds() + ")");
    report.environment("scenarios", String.join(",", new java.util.TreeSet<>(scenarios)));
    report.environment("open requests (Tasklist scales)", openRequests);
  }

  private ConfigurableApplicationContext startNode() {
    log("starting the application on " + database.url);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url,
                "--spring.datasource.username=" + database.username,
                "--spring.datasource.password=" + database.password,
                "--camunda.bpm.job-execution.enabled=true",
                // lifecycles file their requests as JSON alone, naming their documents without files
                "--localisation.documents.announced-count-as-filed=true",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    if (!applicationArguments.isEmpty()) {
      arguments.addAll(List.of(applicationArguments.split("\\s+")));
    }
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LocalisationApplication.class)
            .profiles("postgres", "demo")
            .run(arguments.toArray(String[]::new));
    if (Boolean.getBoolean("bench.withoutAuthorizationStatistics")) {
      // the tuning of AuthorizationStatistics undone, to measure what it brings
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      jdbc.execute("DROP STATISTICS IF EXISTS act_ru_authorization_perms_2, act_ru_authorization_perms_64");
      report.environment("authorization statistics", "dropped");
    }
    return context;
  }

  /** Enough sites for every lifecycle to be allocated one (the demo registry has 22). */
  private void addSites() {
    SiteRegistry registry = node.getBean(SiteRegistry.class);
    long existing = registry.count();
    for (long i = existing; i < sites; i++) {
      registry.insert(
          new IndustrialSite(
              "BENCH-%06d".formatted(i), "Участок для нагрузочного теста " + i, "Промзона «Бенчмарк»",
              new BigDecimal("6.00"), new BigDecimal("12.0"), Set.of(3, 4, 5), SiteStatus.AVAILABLE, null));
    }
    log("site registry: " + registry.count() + " sites");
  }

  // --- 6. start-up (new JVMs, before the node takes the CPU) -----------------------------------

  private void startup() throws Exception {
    log("start-up: new JVMs on H2 and on PostgreSQL, each on an empty database");
    long stamp = System.currentTimeMillis();
    Path h2Directory = output.resolve("startup-h2-" + stamp).toAbsolutePath();
    Startup.Result h2 = Startup.measure("H2 (embedded default)", h2Directory);
    report.figure("start-up on H2, empty database: s to healthy", h2.secondsToHealthy());
    h2.springSeconds().ifPresent(s -> report.figure("start-up on H2: Spring's 'Started in' s", s));
    report.figure("RSS after start-up on H2 MiB", h2.rssMegabytes());
    report.target(Report.Target.atMost("start-up on H2 (s)", h2.secondsToHealthy(), 10));

    String url = database.createEmptyDatabase("bench_startup_" + stamp).orElse(database.url);
    Startup.Result postgres =
        Startup.measure(
            "PostgreSQL",
            output.resolve("startup-postgres-" + stamp).toAbsolutePath(),
            "--spring.profiles.active=postgres,demo",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + database.username,
            "--spring.datasource.password=" + database.password);
    report.figure("start-up on PostgreSQL, empty database: s to healthy", postgres.secondsToHealthy());
    postgres.springSeconds().ifPresent(s -> report.figure("start-up on PostgreSQL: Spring's 'Started in' s", s));
  }

  // --- 1. intake overhead ------------------------------------------------------------------

  private Report.Measured intakeOverhead() throws Exception {
    log("scenario 1: intake, investor API vs Camunda's start of the same process");
    Load.Operation api =
        sequence ->
            http.post(
                Http.INVESTOR,
                Lifecycles.REQUESTS,
                TestRequests.recyclingPlantJson(Lifecycles.externalReference("API", sequence)),
                201);
    Load.Operation engineStart =
        sequence -> {
          String request = TestRequests.recyclingPlantJson(Lifecycles.externalReference("ENGINE", sequence));
          var body = Http.JSON.createObjectNode();
          body.putObject("variables").putObject("request").put("value", request).put("type", "Json");
          http.post(
              Http.ADMIN, Lifecycles.ENGINE + "/process-definition/key/localisation-request/start", body.toString(), 200);
        };
    List<List<Load.Result>> sides = alternate(phase, clients, api, engineStart);
    Report.Measured ours = report.add(Report.Measured.of("1 intake", "POST /api/v1 (investor)", clients, sides.get(0)));
    Report.Measured camunda =
        report.add(Report.Measured.of("1 intake", "POST /engine-rest start (admin)", clients, sides.get(1)));
    double ratio = ours.medianPerSecond() / camunda.medianPerSecond();
    report.figure("intake ratio (ours / Camunda's)", ratio);
    report.target(Report.Target.atLeast("intake: our API / engine-rest start", ratio, 0.9));
    report.target(Report.Target.atLeast("intake: engine-rest start / our API", 1 / ratio, 0.8));
    sameRequestAgain();
    return ours;
  }

  /**
   * A client that sends the same request again (a retry, or a script that posts one sample file):
   * the investor API answers with the request this account filed (200), Camunda's start refuses the
   * duplicate (409) — measured because a figure from outside compared such calls.
   */
  private void sameRequestAgain() throws Exception {
    String apiBody = TestRequests.recyclingPlantJson(Lifecycles.externalReference("API-AGAIN", 0));
    var engineBody = Http.JSON.createObjectNode();
    engineBody
        .putObject("variables")
        .putObject("request")
        .put("value", TestRequests.recyclingPlantJson(Lifecycles.externalReference("ENGINE-AGAIN", 0)))
        .put("type", "Json");
    String start = Lifecycles.ENGINE + "/process-definition/key/localisation-request/start";
    http.post(Http.INVESTOR, Lifecycles.REQUESTS, apiBody, 201);
    http.post(Http.ADMIN, start, engineBody.toString(), 200);
    List<List<Load.Result>> sides =
        alternate(
            phase.dividedBy(2),
            clients,
            sequence -> http.post(Http.INVESTOR, Lifecycles.REQUESTS, apiBody, 200),
            sequence -> http.post(Http.ADMIN, start, engineBody.toString(), 409));
    Report.Measured ours =
        report.add(Report.Measured.of("1b same request again", "POST /api/v1 -> 200 existing", clients, sides.get(0)));
    Report.Measured camunda =
        report.add(Report.Measured.of("1b same request again", "POST /engine-rest start -> 409", clients, sides.get(1)));
    report.figure("same request again: engine-rest 409 / API 200", camunda.medianPerSecond() / ours.medianPerSecond());
  }

  // --- 2 and 3. lifecycles, and PostgreSQL's raw commit rate ----------------------------------

  private void lifecycleAndCommits() throws Exception {
    log("scenarios 2 and 3: lifecycles over HTTP vs in-process, raw JDBC commits");
    Lifecycles.Lifecycle overHttp = Lifecycles.overHttp(http);
    Lifecycles.Lifecycle inProcess =
        Lifecycles.inProcess(
            node.getBean(RuntimeService.class), node.getBean(TaskService.class), node.getBean(RequestRegistry.class),
            node.getBean(SiteRegistry.class));
    DataSource dataSource = node.getBean(DataSource.class);
    new JdbcTemplate(dataSource)
        .execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGSERIAL PRIMARY KEY, payload VARCHAR(100) NOT NULL)");
    Load.Operation rawCommit =
        sequence -> {
          try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_commit (payload) VALUES (?)")) {
              insert.setString(1, "commit " + sequence);
              insert.executeUpdate();
            }
            connection.commit();
          }
        };

    Load.closed(clients, phase.dividedBy(2), Long.MAX_VALUE, overHttp::run);
    Load.closed(clients, phase.dividedBy(2), Long.MAX_VALUE, inProcess::run);
    List<Load.Result> http = new ArrayList<>();
    List<Load.Result> java = new ArrayList<>();
    List<Load.Result> raw = new ArrayList<>();
    long[] commits = new long[3];
    // rows written per table by each side: inserted, updated, deleted
    List<Map<String, long[]>> rows = List.of(new java.util.TreeMap<>(), new java.util.TreeMap<>());
    for (int round = 1; round <= rounds; round++) {
      boolean httpFirst = round % 2 == 1;
      for (int turn = 0; turn < 2; turn++) {
        boolean overHttpNow = httpFirst == (turn == 0);
        long before = settledCommits();
        Map<String, long[]> rowsBefore = database.writtenRows();
        Load.Result result =
            Load.closed(clients, lifecyclePhase, Long.MAX_VALUE, (overHttpNow ? overHttp : inProcess)::run);
        awaitJobsDone();
        commits[overHttpNow ? 0 : 1] += settledCommits() - before;
        addDifference(rows.get(overHttpNow ? 0 : 1), rowsBefore, database.writtenRows());
        (overHttpNow ? http : java).add(result);
        log("  round %d %s: %.2f lifecycles/s".formatted(round, overHttpNow ? "HTTP" : "in-process", result.perSecond()));
      }
      long before = settledCommits();
      Load.Result result = Load.closed(clients, phase.dividedBy(2), Long.MAX_VALUE, rawCommit);
      commits[2] += settledCommits() - before;
      raw.add(result);
      log("  round %d raw JDBC: %.0f commits/s".formatted(round, result.perSecond()));
    }

    Report.Measured overHttpMeasured =
        report.add(Report.Measured.of("2 lifecycle", "over HTTP (API + engine-rest)", clients, http));
    Report.Measured inProcessMeasured =
        report.add(Report.Measured.of("2 lifecycle", "in-process Java API", clients, java));
    Report.Measured rawMeasured =
        report.add(Report.Measured.of("3 PostgreSQL raw commits", "JDBC insert + commit", clients, raw));
    double ratio = overHttpMeasured.medianPerSecond() / inProcessMeasured.medianPerSecond();
    double commitsPerHttpLifecycle = (double) commits[0] / overHttpMeasured.operations();
    double commitsPerJavaLifecycle = (double) commits[1] / inProcessMeasured.operations();
    double efficiency = overHttpMeasured.medianPerSecond() * commitsPerHttpLifecycle / rawMeasured.medianPerSecond();
    report.figure("lifecycles/s over HTTP (median)", overHttpMeasured.medianPerSecond());
    report.figure("lifecycles/s in-process (median)", inProcessMeasured.medianPerSecond());
    report.figure("lifecycle ratio (HTTP / in-process)", ratio);
    report.figure("commits per lifecycle over HTTP", commitsPerHttpLifecycle);
    report.figure("commits per lifecycle in-process", commitsPerJavaLifecycle);
    report.figure("raw commits/s (median)", rawMeasured.medianPerSecond());
    report.figure("commits per raw operation (check, 1 expected)", (double) commits[2] / rawMeasured.operations());
    report.figure("efficiency (HTTP lifecycles x commits / raw)", efficiency);
    report.target(Report.Target.atLeast("lifecycle: over HTTP / in-process", ratio, 0.6));
    report.rowsWritten("over HTTP", perLifecycle(rows.get(0), overHttpMeasured.operations()));
    report.rowsWritten("in-process", perLifecycle(rows.get(1), inProcessMeasured.operations()));
    report.figure("rows written per lifecycle over HTTP", totalRows(rows.get(0)) / (double) overHttpMeasured.operations());
    report.figure("rows written per lifecycle in-process", totalRows(rows.get(1)) / (double) inProcessMeasured.operations());
    report.target(Report.Target.atLeast("efficiency vs raw commit rate", efficiency, 0.25));
  }

  private static void addDifference(Map<String, long[]> sum, Map<String, long[]> before, Map<String, long[]> after) {
    after.forEach(
        (table, counts) -> {
          long[] earlier = before.getOrDefault(table, new long[3]);
          long[] total = sum.computeIfAbsent(table, t -> new long[3]);
          for (int i = 0; i < 3; i++) {
            total[i] += counts[i] - earlier[i];
          }
        });
  }

  /** Rows per lifecycle of each table that was written: inserted, updated, deleted. */
  private static Map<String, double[]> perLifecycle(Map<String, long[]> rows, long lifecycles) {
    Map<String, double[]> per = new java.util.TreeMap<>();
    rows.forEach(
        (table, counts) -> {
          if (counts[0] + counts[1] + counts[2] > 0) {
            per.put(table, new double[] {
                counts[0] / (double) lifecycles, counts[1] / (double) lifecycles, counts[2] / (double) lifecycles});
          }
        });
    return per;
  }

  private static long totalRows(Map<String, long[]> rows) {
    return rows.entrySet().stream()
        .filter(entry -> !entry.getKey().equals("bench_commit"))
        .mapToLong(entry -> entry.getValue()[0] + entry.getValue()[1] + entry.getValue()[2])
        .sum();
  }

  /**
   * PostgreSQL's count of committed transactions, once the pool's connections have reported
   * theirs: a backend sends its counts at exit at the latest, so the pool replaces its connections.
   */
  private long settledCommits() throws Exception {
    node.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    TimeUnit.MILLISECONDS.sleep(1500);
    return database.committedTransactions();
  }

  // --- 6. footprint after the lifecycles -----------------------------------------------------

  private void footprint() {
    long pid = ProcessHandle.current().pid();
    report.figure("RSS after the lifecycles MiB", Footprint.rssMegabytes(pid));
    report.figure("peak RSS so far MiB", Footprint.peakRssMegabytes(pid));
    report.figure("heap after GC MiB", Footprint.heapAfterGcMegabytes());
    report.target(Report.Target.atMost("RSS under load (MiB, peak)", Footprint.peakRssMegabytes(pid), 700));
  }

  // --- 4. latency at half the measured maximum -------------------------------------------------

  private void latencyUnderLoad(double perSecond) throws Exception {
    log("scenario 4: intake open-loop at %.1f/s (half the measured maximum)".formatted(perSecond));
    List<Load.Result> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      awaitJobsDone();
      results.add(
          Load.open(
              perSecond,
              phase,
              64,
              sequence ->
                  http.post(
                      Http.INVESTOR,
                      Lifecycles.REQUESTS,
                      TestRequests.recyclingPlantJson(Lifecycles.externalReference("OPEN", sequence)),
                      201)));
    }
    Report.Measured measured =
        report.add(Report.Measured.of("4 intake at half load", "open loop %.1f/s".formatted(perSecond), 0, results));
    report.target(Report.Target.atMost("intake p99 at half load (ms)", measured.p99Ms(), 50));
  }

  // --- 5. officials' task query with many open requests ------------------------------------------

  private void officialsQueryAtScale() throws Exception {
    Filter filter =
        node.getBean(FilterService.class)
            .createFilterQuery()
            .filterName(OfficialGroup.INVESTMENT_DEPARTMENT.filterName())
            .singleResult();
    // the card shows the filter's variables, as many as the filter names
    int cardVariables = ((List<?>) filter.getProperties().get("variables")).size();
    Map<Integer, Report.Measured> byScale = new LinkedHashMap<>();
    for (int scale : openRequests) {
      byScale.put(scale, tasklistPageAt(scale, filter.getId(), cardVariables));
    }
    if (byScale.size() > 1) {
      int smallest = openRequests.get(0);
      int largest = openRequests.get(openRequests.size() - 1);
      double growth = byScale.get(largest).p95Ms() / byScale.get(smallest).p95Ms();
      report.figure("Tasklist page p95 at %d / at %d open".formatted(largest, smallest), growth);
      report.target(
          Report.Target.atMost(
              "Tasklist p95 growth %d -> %d open (x%d)".formatted(smallest, largest, largest / smallest), growth, 2));
    }
  }

  /**
   * The investment department's filter as Tasklist asks for its first page: 15 tasks in hal+json
   * with the count and the card variables (all of the filter's), sorted by creation (Tasklist's default), as
   * {@code investment.officer}, once {@code scale} requests await assessment.
   */
  private Report.Measured tasklistPageAt(int scale, String filterId, int cardVariables) throws Exception {
    TaskService tasks = node.getBean(TaskService.class);
    IntakeService intake = node.getBean(IntakeService.class);
    awaitJobsDone();
    long open = tasks.createTaskQuery().taskDefinitionKey(ASSESS_TASK).count();
    log("scenario 5: %d requests await assessment; filing %d more in-process".formatted(open, Math.max(0, scale - open)));
    if (open < scale) {
      Load.closed(
          clients,
          Duration.ofMinutes(30),
          scale - open,
          sequence ->
              intake.submit(
                  TestRequests.recyclingPlant(Lifecycles.externalReference("OPEN-TASKS-" + scale, sequence)), "investor"));
      awaitJobsDone();
    }
    open = tasks.createTaskQuery().taskDefinitionKey(ASSESS_TASK).count();
    report.figure("open assessment tasks (scale %d)".formatted(scale), open);
    // thousands of requests filed within a minute: refresh the planner's statistics, as autovacuum
    // does for a database that grew at a city's pace (its threshold: 10 % of a table changed)
    new JdbcTemplate(node.getBean(DataSource.class)).execute("ANALYZE");

    long expected = open;
    String path = Lifecycles.ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    // what Tasklist 7.24 posts for a filter's first page
    String body =
        """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
        "sorting":[{"sortOrder":"desc","sortBy":"created"}],"active":true}""";
    Load.Operation query =
        sequence -> {
          JsonNode page = http.send(Http.OFFICER, "POST", path, body, "application/hal+json", 200);
          JsonNode first = page.path("_embedded").path("task").path(0);
          if (page.path("count").asLong() < expected
              || page.path("_embedded").path("task").size() != 15
              || first.path("_embedded").path("variable").size() != cardVariables) {
            throw new IllegalStateException("filter answered count " + page.path("count") + ", "
                + page.path("_embedded").path("task").size() + " tasks, card variables " + first.path("_embedded").path("variable"));
          }
        };
    Load.closed(clients, phase.dividedBy(4), Long.MAX_VALUE, query);
    List<Load.Result> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      results.add(Load.closed(clients, phase, Long.MAX_VALUE, query));
    }
    Report.Measured measured =
        report.add(
            Report.Measured.of("5 Tasklist filter, %d open".formatted(open), "page of 15 with count (hal)", clients, results));
    report.target(Report.Target.atMost("Tasklist page p95 with %d open (ms)".formatted(open), measured.p95Ms(), 100));
    return measured;
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A scenario whose most expensive database statements go into the report. */
  private <T> T withStatements(String scenario, Step<T> step) throws Exception {
    database.resetStatementStatistics();
    T result = step.run();
    report.statements(scenario, database.topStatements(12));
    return result;
  }

  private void withStatements(String scenario, VoidStep step) throws Exception {
    withStatements(
        scenario,
        () -> {
          step.run();
          return null;
        });
  }

  @FunctionalInterface
  private interface Step<T> {
    T run() throws Exception;
  }

  @FunctionalInterface
  private interface VoidStep {
    void run() throws Exception;
  }

  /** Runs A and B alternately, {@link #rounds} times each, after a warm-up of each. */
  private List<List<Load.Result>> alternate(Duration duration, int clients, Load.Operation a, Load.Operation b)
      throws Exception {
    Load.closed(clients, duration.dividedBy(2), Long.MAX_VALUE, a);
    Load.closed(clients, duration.dividedBy(2), Long.MAX_VALUE, b);
    List<Load.Result> resultsA = new ArrayList<>();
    List<Load.Result> resultsB = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (boolean first : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        awaitJobsDone();
        Load.Result result = Load.closed(clients, duration, Long.MAX_VALUE, first ? a : b);
        (first ? resultsA : resultsB).add(result);
        log("  round %d %s: %.1f/s".formatted(round, first ? "A" : "B", result.perSecond()));
      }
    }
    return List.of(resultsA, resultsB);
  }

  /** Lets the job executor finish the screenings of the previous phase, so phases do not overlap. */
  private void awaitJobsDone() throws InterruptedException {
    ManagementService management = node.getBean(ManagementService.class);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (management.createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs still waiting after 10 minutes");
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private static void log(String message) {
    System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
  }
}
