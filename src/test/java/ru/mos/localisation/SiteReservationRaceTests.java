package ru.mos.localisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITE_ALLOCATION_PROCESS_KEY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.sites.SiteStatus;

/**
 * Ten site officers select the same site for ten requests at the same moment, on a real
 * PostgreSQL with the job executor running, as in a cluster. The site registry must give the site
 * to exactly one request and send the others back to matching, without an incident.
 *
 * <p>The database is shared with the other {@link PostgresTest} classes, which run before or after,
 * never during the race: the ten requests see the same candidates whatever those classes reserved
 * (the demo registry has six sites that fit them), and the nine requests it leaves waiting for a
 * site hold none, so they change no other class's candidates.
 */
@PostgresTest
class SiteReservationRaceTests {

  private static final Logger LOG = LoggerFactory.getLogger(SiteReservationRaceTests.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int REQUESTS = 10;

  private final IntakeService intake;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RequestRegistry registry;
  private final SiteRegistry sites;
  private final JdbcTemplate jdbc;

  @Autowired
  SiteReservationRaceTests(
      IntakeService intake,
      TaskService taskService,
      RuntimeService runtimeService,
      RequestRegistry registry,
      SiteRegistry sites,
      JdbcTemplate jdbc) {
    this.intake = intake;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.registry = registry;
    this.sites = sites;
    this.jdbc = jdbc;
  }

  @Test
  void tenRequestsRacingForTheSameSiteLeaveItWithExactlyOne() throws Exception {
    // given ten requests for the same plant, each waiting for a site officer to select a site
    List<String> numbers = new ArrayList<>();
    for (int i = 1; i <= REQUESTS; i++) {
      numbers.add(intake.submit(TestRequests.recyclingPlant("PG-SITE-RACE-%03d".formatted(i)), "investor").request().number());
    }
    numbers.forEach(number -> complete(awaitTask(number, "Task_AssessRequest"), ASSESSMENT_DECISION, "PROCEED"));
    numbers.forEach(number -> complete(awaitTask(number, "Task_ReviewEnvironmentalImpact"), ENVIRONMENTAL_DECISION, "APPROVE"));
    Map<String, Task> selectTasks = new LinkedHashMap<>();
    numbers.forEach(number -> selectTasks.put(number, awaitTask(number, "Task_SelectSite")));
    // all of the same size, so all offered the same candidates, the same one first
    List<String> candidates = sites.candidates(numbers.get(0));
    assertThat(candidates).isNotEmpty();
    numbers.forEach(number -> assertThat(sites.candidates(number)).as(number).isEqualTo(candidates));
    String contested = candidates.get(0);

    // when ten officers select that site at the same moment
    Map<String, Outcome> outcomes = selectConcurrently(selectTasks, contested);

    // then every selection went through: one reserved the site, the others were sent back to matching
    LOG.info("Outcomes of {} concurrent selections of {}: {}", REQUESTS, contested, outcomes);
    Map<String, Long> counts =
        outcomes.values().stream().collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));
    LOG.info("Outcome counts: {}", counts);
    assertThat(outcomes.values()).as("failed completions").allMatch(outcome -> outcome.failure() == null);
    // exactly one request holds the site, reserved, with one open reservation
    Map<String, Object> site = jdbc.queryForMap("SELECT status, request_number FROM industrial_site WHERE id = ?", contested);
    assertThat(site).containsEntry("status", SiteStatus.RESERVED.name());
    String winner = (String) site.get("request_number");
    assertThat(numbers).contains(winner);
    assertThat(
            jdbc.queryForList(
                "SELECT request_number FROM site_reservation WHERE site_id = ? AND ended_at IS NULL", String.class, contested))
        .containsExactly(winner);
    // the winner's offer awaits the investor's answer
    assertThat(sites.heldBy(winner)).hasValueSatisfying(held -> assertThat(held.id()).isEqualTo(contested));
    assertThat(sites.candidates(winner)).isEmpty();
    assertThat(openTasks(winner, "Task_SelectSite")).isEmpty();
    assertThat(
            runtimeService
                .createEventSubscriptionQuery()
                .eventName("SiteOfferAnswered")
                .processInstanceId(siteAllocationInstanceOf(winner))
                .count())
        .isOne();
    // the nine others select again, from new candidates without the taken site, and hold nothing
    for (String loser : numbers.stream().filter(number -> !number.equals(winner)).toList()) {
      List<Task> again = openTasks(loser, "Task_SelectSite");
      assertThat(again).as("select task of %s", loser).hasSize(1);
      assertThat(again.get(0).getId()).as("a new select task for %s", loser).isNotEqualTo(selectTasks.get(loser).getId());
      assertThat(sites.candidates(loser)).as("new candidates of %s", loser).isNotEmpty().doesNotContain(contested);
      assertThat(sites.heldBy(loser)).as("site held by %s", loser).isEmpty();
      assertThat(timelineTypes(loser)).as("timeline of %s", loser).doesNotContain("SITE_RESERVED");
    }
    // no site is held by two requests, and the registry agrees with the open reservations
    assertThat(
            jdbc.queryForList(
                "SELECT site_id FROM site_reservation WHERE ended_at IS NULL GROUP BY site_id HAVING COUNT(*) > 1",
                String.class))
        .as("sites with more than one open reservation")
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                "SELECT request_number FROM site_reservation WHERE ended_at IS NULL GROUP BY request_number HAVING COUNT(*) > 1",
                String.class))
        .as("requests with more than one open reservation")
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                """
                SELECT s.id FROM industrial_site s
                WHERE s.status = 'RESERVED' AND NOT EXISTS (
                  SELECT 1 FROM site_reservation r
                  WHERE r.site_id = s.id AND r.ended_at IS NULL AND r.request_number = s.request_number)
                """,
                String.class))
        .as("reserved sites without an open reservation of their holder")
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                """
                SELECT r.site_id FROM site_reservation r JOIN industrial_site s ON s.id = r.site_id
                WHERE r.ended_at IS NULL
                  AND (s.status <> 'RESERVED' OR s.request_number IS DISTINCT FROM r.request_number)
                """,
                String.class))
        .as("open reservations of sites not reserved for that request")
        .isEmpty();
    assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isZero();
    assertThat(counts).containsEntry("RESERVED", 1L).containsEntry("SENT_BACK_TO_MATCHING", (long) REQUESTS - 1);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** What one officer's completion of the select task came to. */
  private record Outcome(String kind, Throwable failure) {
    @Override
    public String toString() {
      return failure == null ? kind : kind + " (" + failure + ")";
    }
  }

  /** Completes all select tasks at once, each in its own thread and transaction. */
  private Map<String, Outcome> selectConcurrently(Map<String, Task> selectTasks, String siteId) throws Exception {
    CountDownLatch ready = new CountDownLatch(selectTasks.size());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(selectTasks.size());
    Map<String, Future<Throwable>> futures = new LinkedHashMap<>();
    try {
      selectTasks.forEach(
          (number, task) ->
              futures.put(
                  number,
                  pool.submit(
                      () -> {
                        ready.countDown();
                        go.await();
                        try {
                          taskService.complete(task.getId(), Map.of(SELECTED_SITE_ID, siteId));
                          return null;
                        } catch (RuntimeException e) {
                          return e;
                        }
                      })));
      assertThat(ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("all officers ready").isTrue();
      go.countDown();
      Map<String, Outcome> outcomes = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Throwable>> entry : futures.entrySet()) {
        Throwable failure = entry.getValue().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String number = entry.getKey();
        String kind =
            failure != null
                ? failure.getClass().getSimpleName()
                : sites.heldBy(number).isPresent() ? "RESERVED" : "SENT_BACK_TO_MATCHING";
        outcomes.put(number, new Outcome(kind, failure));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private void complete(Task task, String variable, Object value) {
    taskService.complete(task.getId(), Map.of(variable, value));
  }

  /** The open tasks of a request's process instances (the request's and the called site allocation). */
  private List<Task> openTasks(String number, String taskDefinitionKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(number)
        .taskDefinitionKey(taskDefinitionKey)
        .list();
  }

  private Task awaitTask(String number, String taskDefinitionKey) {
    return awaitValue(
        "task " + taskDefinitionKey + " of " + number,
        () -> {
          List<Task> tasks = openTasks(number, taskDefinitionKey);
          return tasks.size() == 1 ? Optional.of(tasks.get(0)) : Optional.empty();
        });
  }

  private String siteAllocationInstanceOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(SITE_ALLOCATION_PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .singleResult()
        .getId();
  }

  private List<String> timelineTypes(String number) {
    return registry.timeline(number).stream().map(entry -> entry.type()).toList();
  }

  /** Polls until the probe yields a value; fails after {@link #TIMEOUT}. */
  private static <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
    return await(what).atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
        .until(probe::get, Optional::isPresent)
        .orElseThrow();
  }
}
