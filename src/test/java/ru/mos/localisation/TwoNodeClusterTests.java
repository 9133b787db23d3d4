package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.notification.ReceivedLetter;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * Two nodes of the application, two Spring contexts with an engine and a job executor each, on
 * ONE PostgreSQL, as in the two-node compose set-up. The asynchronous screening job must run
 * exactly once per request whichever node acquires it, and a node that dies holding locked jobs
 * must not lose them: the other node runs them once their lock expires.
 *
 * <p>Both nodes relay letters to investors to one mail server (GreenMail): a hundred letters written
 * at once arrive exactly once each, shared between the nodes.
 *
 * <p>The database and the nodes are made by hand (not by the Spring test framework), so the class
 * owns their life cycle: node B starts after node A has migrated the schema; the second test stops
 * node A for good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTests {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterTests.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final String SCREEN_ACTIVITY = "Task_ScreenInvestor";
  private static final String ASSESS_TASK = "Task_AssessRequest";
  /** The job lock time of both nodes: short, so that a dead node's jobs come free soon. */
  private static final int LOCK_TIME_MS = 3000;

  private EmbeddedPostgres postgres;
  /** The mail server of both nodes: every letter to investors is counted here. */
  private GreenMail smtp;
  private Node nodeA;
  private Node nodeB;
  private JdbcTemplate jdbc;

  /** One node of the cluster: its context, engine and job executor. */
  private record Node(String name, ConfigurableApplicationContext context) {
    ProcessEngine engine() {
      return context.getBean(ProcessEngine.class);
    }

    JobExecutor jobExecutor() {
      return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
    }

    String hostname() {
      return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getHostname();
    }

    IntakeService intake() {
      return context.getBean(IntakeService.class);
    }

    InvestorNotifications notifications() {
      return context.getBean(InvestorNotifications.class);
    }

    PlatformTransactionManager transactions() {
      return context.getBean(PlatformTransactionManager.class);
    }
  }

  @BeforeAll
  void startCluster() throws Exception {
    long start = System.nanoTime();
    postgres = EmbeddedPostgres.start();
    String url = "jdbc:postgresql://localhost:%d/postgres".formatted(postgres.getPort());
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int smtpPort = smtp.getSmtp().getPort();
    // A first: it runs Flyway and creates Camunda's schema; B finds both in place
    nodeA = startNode("nodeA", url, smtpPort);
    nodeB = startNode("nodeB", url, smtpPort);
    LOG.info(
        "Cluster up in {} ms: {} (host {}, lock owner {}), {} (host {}, lock owner {})",
        millisSince(start),
        nodeA.name(), nodeA.hostname(), nodeA.jobExecutor().getLockOwner(),
        nodeB.name(), nodeB.hostname(), nodeB.jobExecutor().getLockOwner());
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Node startNode(String name, String url, int smtpPort) {
    // a unique engine name (letters and digits; a hyphen is ignored): other test contexts of this JVM have engines of their own
    String engineName = name + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    // command-line arguments, so that they win over application.yml (default properties would not)
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LocalisationApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                // more connections than job threads (at most 10) plus acquisition: a node whose job
                // threads all hang in the database can still undeploy and shut down
                "--spring.datasource.hikari.maximum-pool-size=16",
                "--camunda.bpm.process-engine-name=" + engineName,
                // the requests are filed as JSON alone, naming their documents without files
                "--localisation.documents.announced-count-as-filed=true",
                "--camunda.bpm.generate-unique-process-application-name=true",
                // no webapps on the nodes: their bootstrap keeps JVM-wide state (Tasklist's, Cockpit's
                // runtime delegates) that a stopping node clears for every other live context, and the
                // shared test contexts of this JVM stay alive after this class
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS,
                // Spring waits this long for job threads still running at close (default 30 s)
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                // letters to investors: both nodes relay the outbox to the test's mail server
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--localisation.notifications.node-name=" + name,
                "--localisation.notifications.relay.interval=200ms",
                "--spring.main.register-shutdown-hook=false");
    return new Node(name, context);
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (Node node : new Node[] {nodeB, nodeA}) {
      if (node != null && node.context().isActive()) {
        node.context().close();
      }
    }
    if (smtp != null) {
      // the figures of the whole class; a letter received twice can only be one that node A had
      // sent, but not yet marked, when it was stopped in test 2 (README, Notifications)
      List<ReceivedLetter> letters = ReceivedLetter.all(smtp.getReceivedMessages());
      Map<String, Long> perMessageId =
          letters.stream().collect(java.util.stream.Collectors.groupingBy(ReceivedLetter::messageId, java.util.stream.Collectors.counting()));
      LOG.info(
          "Letters received by the mail server in this class: {}, distinct Message-IDs: {}, received twice: {}",
          letters.size(), perMessageId.size(),
          perMessageId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  // --- test 0: letters to investors, relayed by both nodes, each sent once -----------------

  @Test
  @Order(0)
  void aHundredLettersWrittenAtOnceAreEachDeliveredExactlyOnceByTwoNodes() {
    String number = nodeA.intake().submit(TestRequests.recyclingPlant("TWO-NODE-MAIL"), "investor").request().number();
    LocalisationRequest request = nodeA.context().getBean(RequestRegistry.class).get(number);
    int written = 100;
    // one transaction: all become due at once, and both nodes' relays compete for them
    new TransactionTemplate(nodeA.transactions())
        .executeWithoutResult(
            status -> {
              for (int i = 0; i < written; i++) {
                nodeA.notifications().notify(request, new Notification.SupportPackage(List.of("EXPORT_CREDIT"), "Plan " + i));
              }
            });
    int letters = written + 1; // and the letter of its registration
    long start = System.nanoTime();

    await("all letters of " + number + " sent")
        .atMost(TIMEOUT)
        .pollInterval(POLL_INTERVAL)
        .until(() -> notificationsOf(number, "SENT"), sent -> sent == letters);
    LOG.info("{} letters sent by two nodes in {} ms", letters, millisSince(start));

    // counted at the mail server: every row's Message-ID exactly once, nothing else
    List<String> messageIds =
        ReceivedLetter.all(smtp.getReceivedMessages()).stream()
            .filter(letter -> number.equals(letter.requestNumber()))
            .map(ReceivedLetter::messageId)
            .toList();
    List<String> rowIds =
        jdbc.queryForList("SELECT message_id FROM investor_notification WHERE request_number = ?", String.class, number);
    assertThat(messageIds).as("letters received").hasSize(letters).doesNotHaveDuplicates();
    assertThat(messageIds).containsExactlyInAnyOrderElementsOf(rowIds);
    assertThat(notificationsOf(number, "PENDING") + notificationsOf(number, "FAILED")).isZero();
    assertThat(jdbc.queryForObject(
            "SELECT MAX(attempts) FROM investor_notification WHERE request_number = ?", Integer.class, number))
        .as("attempts per letter")
        .isEqualTo(1);
    Map<String, Integer> perNode = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT sent_by, COUNT(*) FROM investor_notification WHERE request_number = ? GROUP BY sent_by",
        rs -> {
          perNode.put(rs.getString(1), rs.getInt(2));
        },
        number);
    LOG.info("Letters sent per node (investor_notification.sent_by): {}", perNode);
    assertThat(perNode).as("both nodes relayed").containsOnlyKeys("nodeA", "nodeB");
  }

  private long notificationsOf(String number, String status) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM investor_notification WHERE request_number = ? AND status = ?", Long.class, number, status);
  }

  // --- test 1: both nodes share the work, each screening runs once ------------------------

  @Test
  @Order(1)
  void threeHundredRequestsOnTwoNodesAreEachScreenedExactlyOnce() throws Exception {
    int requests = 300;
    long start = System.nanoTime();
    List<String> numbers = submitConcurrently("TWO-NODE-LOAD", requests, 6, true);
    long submitted = millisSince(start);

    awaitAllAtAssessment(numbers);
    long done = millisSince(start);
    LOG.info("{} requests submitted in {} ms, all at {} after {} ms", requests, submitted, ASSESS_TASK, done);

    assertExactlyOnce(numbers);
    Map<String, Integer> jobsPerHost = screeningJobsPerHost(numbers);
    LOG.info("Screening jobs per node (ACT_HI_JOB_LOG.HOSTNAME_): {}", jobsPerHost);
    assertThat(jobsPerHost.values().stream().mapToInt(Integer::intValue).sum())
        .as("successful screening jobs")
        .isEqualTo(requests);
    assertThat(jobsPerHost.keySet())
        .as("both nodes' job executors screened")
        .containsExactlyInAnyOrder(nodeA.hostname(), nodeB.hostname());
    assertThat(jobsPerHost.values()).allMatch(count -> count > 0);
  }

  // --- test 2: a node dies holding locked jobs ---------------------------------------------

  @Test
  @Order(2)
  void jobsLockedByANodeThatDiesAreRunOnceByTheOtherAfterTheLockExpires() throws Exception {
    int requests = 60;
    String lockOwnerA = nodeA.jobExecutor().getLockOwner();
    // no node screens while the requests arrive
    nodeA.jobExecutor().shutdown();
    nodeB.jobExecutor().shutdown();
    List<String> numbers = submitConcurrently("TWO-NODE-CRASH", requests, 4, false);
    assertThat(screeningJobs(numbers)).as("screening jobs waiting").isEqualTo(requests);

    long locked;
    long crashStart;
    // The test holds the requests' registry rows, so node A's screenings block half-way (writing
    // their event), inside their transactions: A dies with jobs running and jobs acquired.
    try (Connection holder = postgres.getPostgresDatabase().getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("SELECT number FROM localisation_request WHERE number = ANY (?) FOR UPDATE")) {
        lock.setArray(1, holder.createArrayOf("varchar", numbers.toArray()));
        lock.executeQuery().close();
      }
      nodeA.jobExecutor().start();
      locked =
          await("node A to lock screening jobs")
              .atMost(TIMEOUT)
              .pollDelay(Duration.ZERO)
              .pollInterval(POLL_INTERVAL)
              .until(() -> jobsLockedBy(lockOwnerA, numbers), count -> count >= 6);
      // let acquisition go on a little, then kill node A while its threads hang in the database
      Thread.sleep(500);
      locked = jobsLockedBy(lockOwnerA, numbers);
      LOG.info("Node A holds {} of {} screening jobs; closing node A", locked, requests);
      crashStart = System.nanoTime();
      ExecutorService closer = Executors.newSingleThreadExecutor();
      try {
        closer.submit(() -> nodeA.context().close()).get(45, TimeUnit.SECONDS);
      } finally {
        closer.shutdownNow();
      }
      LOG.info("Node A closed in {} ms", millisSince(crashStart));
      holder.rollback();
    }
    // nothing of node A's half-done screenings survived; its jobs are still locked in its name
    assertThat(screeningEvents(numbers)).as("screening events after node A died").isZero();
    long stillLocked = jobsLockedBy(lockOwnerA, numbers);
    LOG.info("Jobs still locked by dead node A: {}; job retries: {}", stillLocked, retriesOf(numbers));
    assertThat(stillLocked).as("jobs left locked by node A").isPositive();
    assertThat(screeningJobs(numbers)).as("screening jobs left").isEqualTo(requests);

    long restart = System.nanoTime();
    nodeB.jobExecutor().start();
    awaitAllAtAssessment(numbers);
    long recovered = millisSince(restart);
    LOG.info(
        "Node B screened all {} requests {} ms after it restarted ({} ms after node A began to close; lock time {} ms)",
        requests, recovered, millisSince(crashStart), LOCK_TIME_MS);

    assertExactlyOnce(numbers);
    Map<String, Integer> jobsPerHost = screeningJobsPerHost(numbers);
    LOG.info("Successful screening jobs per node after the crash: {}", jobsPerHost);
    assertThat(jobsPerHost).containsOnlyKeys(nodeB.hostname()).containsEntry(nodeB.hostname(), requests);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Submits requests from several threads, through node A's and node B's intake in turn (or B only). */
  private List<String> submitConcurrently(String prefix, int count, int threads, boolean bothNodes)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        IntakeService intake = bothNodes && i % 2 == 0 ? nodeA.intake() : nodeB.intake();
        String reference = "%s-%04d".formatted(prefix, i);
        futures.add(
            pool.submit(() -> intake.submit(TestRequests.recyclingPlant(reference), "investor").request().number()));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<String> future : futures) {
        numbers.add(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
      assertThat(numbers).doesNotHaveDuplicates().hasSize(count);
      return Collections.unmodifiableList(numbers);
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitAllAtAssessment(List<String> numbers) {
    await(numbers.size() + " requests at " + ASSESS_TASK)
        .atMost(TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL_INTERVAL)
        .until(
            () -> {
              // an incident fails at once: waiting longer would not undo it
              if (incidents() > 0) {
                throw new AssertionError("incidents while waiting: " + incidents());
              }
              return tasksAt(ASSESS_TASK, numbers);
            },
            waiting -> waiting == numbers.size());
  }

  private void assertExactlyOnce(List<String> numbers) {
    assertThat(tasksAt(ASSESS_TASK, numbers)).as("requests at assessment").isEqualTo(numbers.size());
    assertThat(screeningJobs(numbers)).as("screening jobs left").isZero();
    assertThat(incidents()).as("incidents").isZero();
    // the side effect: one SCREENING_PASSED event per request, no request with two
    List<Map<String, Object>> perRequest =
        jdbc.queryForList(
            """
            SELECT request_number, COUNT(*) AS events FROM request_event
            WHERE type = 'SCREENING_PASSED' AND request_number = ANY (?::varchar[])
            GROUP BY request_number
            """,
            (Object) numbers.toArray(String[]::new));
    assertThat(perRequest).as("requests with a screening event").hasSize(numbers.size());
    assertThat(perRequest).allMatch(row -> ((Number) row.get("events")).longValue() == 1L);
    assertThat(screeningEvents(numbers)).as("SCREENING_PASSED events").isEqualTo(numbers.size());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM request_event WHERE type = 'SCREENING_HIT' AND request_number = ANY (?::varchar[])",
                Long.class,
                (Object) numbers.toArray(String[]::new)))
        .isZero();
    // the outbox: no notification written twice
    Long outbox =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM investor_notification WHERE request_number = ANY (?::varchar[])",
            Long.class,
            (Object) numbers.toArray(String[]::new));
    LOG.info("Outbox rows (investor_notification) of these {} requests: {}", numbers.size(), outbox);
    assertThat(
            jdbc.queryForList(
                """
                SELECT request_number FROM investor_notification WHERE request_number = ANY (?::varchar[])
                GROUP BY request_number, type HAVING COUNT(*) > 1
                """,
                String.class,
                (Object) numbers.toArray(String[]::new)))
        .as("notifications written twice")
        .isEmpty();
  }

  private long tasksAt(String taskDefinitionKey, List<String> numbers) {
    return jdbc.queryForObject(
        """
        SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
        WHERE t.task_def_key_ = ? AND e.business_key_ = ANY (?::varchar[])
        """,
        Long.class,
        taskDefinitionKey,
        numbers.toArray(String[]::new));
  }

  private long screeningJobs(List<String> numbers) {
    return jdbc.queryForObject(
        """
        SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
        JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE d.act_id_ = ? AND e.business_key_ = ANY (?::varchar[])
        """,
        Long.class,
        SCREEN_ACTIVITY,
        numbers.toArray(String[]::new));
  }

  private long jobsLockedBy(String lockOwner, List<String> numbers) {
    return jdbc.queryForObject(
        """
        SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
        JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE d.act_id_ = ? AND j.lock_owner_ = ? AND e.business_key_ = ANY (?::varchar[])
        """,
        Long.class,
        SCREEN_ACTIVITY,
        lockOwner,
        numbers.toArray(String[]::new));
  }

  private List<Map<String, Object>> retriesOf(List<String> numbers) {
    return jdbc.queryForList(
        """
        SELECT j.retries_, COUNT(*) AS jobs FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
        JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE d.act_id_ = ? AND e.business_key_ = ANY (?::varchar[]) GROUP BY j.retries_
        """,
        SCREEN_ACTIVITY,
        numbers.toArray(String[]::new));
  }

  private long screeningEvents(List<String> numbers) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM request_event WHERE type = 'SCREENING_PASSED' AND request_number = ANY (?::varchar[])",
        Long.class,
        (Object) numbers.toArray(String[]::new));
  }

  private long incidents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class);
  }

  /** Successful screening jobs of these requests per node, by the host name the engine writes in the job log. */
  private Map<String, Integer> screeningJobsPerHost(List<String> numbers) {
    Map<String, Integer> perHost = new java.util.TreeMap<>();
    jdbc.query(
        """
        SELECT l.hostname_, COUNT(*) AS jobs FROM act_hi_job_log l
        JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_
        WHERE l.act_id_ = ? AND l.job_state_ = 2 AND p.business_key_ = ANY (?::varchar[])
        GROUP BY l.hostname_
        """,
        rs -> {
          perHost.put(rs.getString(1), rs.getInt(2));
        },
        SCREEN_ACTIVITY,
        numbers.toArray(String[]::new));
    return perHost;
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
