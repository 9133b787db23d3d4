package ru.mos.localisation.bench;

import static ru.mos.localisation.decision.DecisionVariables.ASSESSMENT_DECISION;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_CONDITIONS;
import static ru.mos.localisation.decision.DecisionVariables.ENVIRONMENTAL_DECISION;
import static ru.mos.localisation.outcome.OutcomeVariables.FINAL_DECISION;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_SITE_OFFER_ANSWERED;
import static ru.mos.localisation.support.SupportVariables.PERSONNEL_EXCHANGE_PLAN;
import static ru.mos.localisation.process.ProcessVariables.PROCESS_KEY;
import static ru.mos.localisation.intake.IntakeVariables.REQUEST;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;
import static ru.mos.localisation.intake.IntakeVariables.SUBMITTED_BY;
import static ru.mos.localisation.support.SupportVariables.SUPPORT_MEASURES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.bench.Http.User;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.sites.SiteRegistry;

/**
 * The happy path of a request, from intake to the board's approval, driven two ways: over HTTP as
 * investor portals and officials do (investor API, {@code /engine-rest}), and in-process through
 * the engine's Java API. Both take the same steps with the same variables and both check that the
 * request ended approved.
 */
final class Lifecycles {

  static final String REQUESTS = "/api/v1/localisation-requests";
  static final String ENGINE = "/engine-rest";
  private static final long POLL_MILLIS = 10;
  private static final long TASK_TIMEOUT_MILLIS = 60_000;

  private Lifecycles() {}

  /** One lifecycle; returns the registry number of the approved request. */
  @FunctionalInterface
  interface Lifecycle {
    String run(long sequence) throws Exception;
  }

  static String externalReference(String prefix, long sequence) {
    return "BENCH-%s-%d-%d".formatted(prefix, ProcessHandle.current().pid(), sequence);
  }

  /** Over HTTP: the investor API for the investor, {@code /engine-rest} for the officials. */
  static Lifecycle overHttp(Http http) {
    return sequence -> {
      JsonNode submitted =
          http.post(Http.INVESTOR, REQUESTS, TestRequests.recyclingPlantJson(externalReference("LC-HTTP", sequence)), 201);
      String number = submitted.path("number").asText();

      complete(http, Http.OFFICER, number, "Task_AssessRequest", variables(ASSESSMENT_DECISION, "PROCEED"));
      ObjectNode review = variables(ENVIRONMENTAL_DECISION, "APPROVE");
      review.putObject(ENVIRONMENTAL_CONDITIONS).put("value", "Closed-loop electrolyte handling");
      complete(http, Http.ECO_REVIEWER, number, "Task_ReviewEnvironmentalImpact", review);
      ObjectNode support = variables(PERSONNEL_EXCHANGE_PLAN, "Exchange of 10 engineers");
      support.putObject(SUPPORT_MEASURES).put("value", "[\"TRADE_MISSION\"]").put("type", "Json");
      complete(http, Http.MOSPROM_SPECIALIST, number, "Task_PrepareSupportPackage", support);
      // concurrent requests see the same best candidates: whoever reserves second selects again
      String reserved;
      do {
        JsonNode candidates = http.get(Http.INVESTOR, REQUESTS + "/" + number).path("candidateSiteIds");
        complete(http, Http.SITE_OFFICER, number, "Task_SelectSite", variables(SELECTED_SITE_ID, pick(candidates)));
        reserved = http.get(Http.INVESTOR, REQUESTS + "/" + number).path("site").path("status").asText();
      } while (!"RESERVED".equals(reserved));
      http.post(Http.INVESTOR, REQUESTS + "/" + number + "/site-offer/answer", "{\"accepted\": true}", 200);
      complete(http, Http.HEAD, number, "Task_DecideFinalApproval", variables(FINAL_DECISION, "APPROVE"));

      String status = http.get(Http.INVESTOR, REQUESTS + "/" + number).path("status").asText();
      return approved(number, status);
    };
  }

  /** In-process: {@code RuntimeService} and {@code TaskService}, as an embedded caller would. */
  static Lifecycle inProcess(RuntimeService runtime, TaskService tasks, RequestRegistry registry, SiteRegistry sites) {
    return sequence -> {
      String number =
          runtime
              .createProcessInstanceByKey(PROCESS_KEY)
              .setVariable(REQUEST, Variables.objectValue(TestRequests.recyclingPlant(externalReference("LC-JAVA", sequence)), true).create())
              .setVariable(SUBMITTED_BY, Http.INVESTOR.id())
              .execute()
              .getBusinessKey();

      tasks.complete(task(tasks, number, "Task_AssessRequest"), Map.of(ASSESSMENT_DECISION, "PROCEED"));
      tasks.complete(
          task(tasks, number, "Task_ReviewEnvironmentalImpact"),
          Map.of(ENVIRONMENTAL_DECISION, "APPROVE", ENVIRONMENTAL_CONDITIONS, "Closed-loop electrolyte handling"));
      tasks.complete(
          task(tasks, number, "Task_PrepareSupportPackage"),
          Variables.createVariables()
              .putValue(PERSONNEL_EXCHANGE_PLAN, "Exchange of 10 engineers")
              .putValueTyped(SUPPORT_MEASURES, SpinValues.jsonValue("[\"TRADE_MISSION\"]").create()));
      do {
        String selectTask = task(tasks, number, "Task_SelectSite");
        tasks.complete(selectTask, Map.of(SELECTED_SITE_ID, pick(sites.candidates(number))));
      } while (sites.heldBy(number).isEmpty());
      runtime
          .createMessageCorrelation(MESSAGE_SITE_OFFER_ANSWERED)
          .processInstanceBusinessKey(number)
          .setVariable(SITE_OFFER_ACCEPTED, true)
          .correlateWithResult();
      tasks.complete(task(tasks, number, "Task_DecideFinalApproval"), Map.of(FINAL_DECISION, "APPROVE"));

      return approved(number, registry.get(number).status().name());
    };
  }

  private static String approved(String number, String status) {
    if (!RequestStatus.APPROVED.name().equals(status)) {
      throw new IllegalStateException("Request " + number + " ended " + status + ", not APPROVED");
    }
    return number;
  }

  /** The official's task of the request, waiting while the asynchronous screening runs. */
  private static void complete(Http http, User official, String number, String taskKey, ObjectNode variables)
      throws Exception {
    // paged, as every authenticated query must be (queryMaxResultsLimit)
    String query =
        ENGINE + "/task?processInstanceBusinessKey=%s&taskDefinitionKey=%s&maxResults=10".formatted(number, taskKey);
    long deadline = System.currentTimeMillis() + TASK_TIMEOUT_MILLIS;
    JsonNode found = http.get(official, query);
    while (found.isEmpty()) {
      pause(deadline, number, taskKey);
      found = http.get(official, query);
    }
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("variables", variables);
    http.post(official, ENGINE + "/task/" + found.get(0).path("id").asText() + "/complete", body.toString(), 204);
  }

  private static String task(TaskService tasks, String number, String taskKey) {
    long deadline = System.currentTimeMillis() + TASK_TIMEOUT_MILLIS;
    Task task;
    while ((task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult())
        == null) {
      pause(deadline, number, taskKey);
    }
    return task.getId();
  }

  /** A site officer's choice among the candidates (a random one, as officials differ). */
  private static String pick(List<String> candidates) {
    return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }

  private static String pick(JsonNode candidates) {
    List<String> ids = new ArrayList<>();
    candidates.forEach(id -> ids.add(id.asText()));
    return pick(ids);
  }

  private static ObjectNode variables(String name, String value) {
    ObjectNode variables = Http.JSON.createObjectNode();
    variables.putObject(name).put("value", value);
    return variables;
  }

  private static void pause(long deadline, String number, String taskKey) {
    if (System.currentTimeMillis() > deadline) {
      throw new IllegalStateException("No task " + taskKey + " for " + number + " within " + TASK_TIMEOUT_MILLIS + " ms");
    }
    try {
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
