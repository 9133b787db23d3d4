package ru.mos.localisation.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.intake.IntakeService;

/**
 * The Cockpit plugin's data over HTTP, as Cockpit's pages fetch them with the board's session: the
 * register with finished requests, its filters, search and paging, a request's story, the
 * dashboard's figures and the CSV; and who gets them — the board and administrators, nobody else.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionApiTests {

  private final HttpTestClient http;
  private final SupervisedRequests requests;
  private final String investor = SupervisedRequests.uniqueInvestor();
  private HttpTestClient board;
  private String rejected;
  private String waiting;

  @Autowired
  SupervisionApiTests(
      @LocalServerPort int port, IntakeService intake, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, IdentityService identityService) {
    this.http = HttpTestClient.onPort(port);
    this.requests = new SupervisedRequests(intake, runtimeService, managementService, taskService, identityService);
  }

  @BeforeAll
  void twoRequestsOfOneInvestorAndTheBoardInCockpit() {
    rejected = requests.rejectedAtAssessment(investor);
    waiting = requests.waitingForAssessment(investor);
    board = cockpitSession("investment.head", "demo");
  }

  // --- the register ---------------------------------------------------------------------------

  @Test
  void theBoardReadsTheRegisterFinishedRequestsIncluded() {
    JsonNode page = json(board.get("/supervision/api/requests?q=" + encoded(investor)));

    assertThat(page.path("totalElements").asLong()).isEqualTo(2);
    JsonNode finished = item(page, rejected);
    assertThat(finished.path("status").asText()).isEqualTo("REJECTED");
    assertThat(finished.path("statusName").asText()).isEqualTo("Отклонена");
    assertThat(finished.path("stage").asText()).isEqualTo("DONE");
    assertThat(finished.path("stageName").asText()).isEqualTo("Завершена");
    assertThat(finished.path("finishedAt").isNull()).isFalse();
    assertThat(finished.path("investorName").asText()).isEqualTo(investor);
    assertThat(finished.path("sectorName").asText()).isEqualTo("Переработка литий-ионных аккумуляторов");
    assertThat(finished.path("daysOpen").asLong()).isZero();
    JsonNode open = item(page, waiting);
    assertThat(open.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(open.path("stageName").asText()).isEqualTo("Оценка заявки");
    assertThat(open.path("finishedAt").isNull()).isTrue();
    assertThat(open.path("overdue").asBoolean()).isFalse();
    // newest first
    assertThat(page.path("items").get(0).path("number").asText()).isEqualTo(waiting);
  }

  @Test
  void theRegisterFiltersSearchesAndPages() {
    String q = "&q=" + encoded(investor.toLowerCase(Locale.ROOT));

    assertThat(numbers(board.get("/supervision/api/requests?status=REJECTED" + q))).containsExactly(rejected);
    assertThat(numbers(board.get("/supervision/api/requests?stage=ASSESSMENT" + q))).containsExactly(waiting);
    assertThat(numbers(board.get("/supervision/api/requests?sector=ELEVATORS" + q))).isEmpty();
    assertThat(numbers(board.get("/supervision/api/requests?q=" + encoded(rejected.toLowerCase(Locale.ROOT))))).containsExactly(rejected);
    JsonNode second = json(board.get("/supervision/api/requests?size=1&page=1" + q));
    assertThat(second.path("totalElements").asLong()).isEqualTo(2);
    assertThat(numbers(second)).containsExactly(rejected);
    // LIKE's wildcards are searched for as they are
    assertThat(numbers(board.get("/supervision/api/requests?q=%25"))).isEmpty();
  }

  @Test
  void wrongParametersAreNamedInRussianAndAnUnknownRequestIsNotFound() {
    Reply bad = board.get("/supervision/api/requests?status=DONE&size=1000&page=-1");
    Reply unknown = board.get("/supervision/api/requests/LOC-1999-99999");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"status\"", "\"size\"", "\"page\"", "неизвестное значение").doesNotContain("Exception");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("detail").asText()).isEqualTo("Заявка LOC-1999-99999 не найдена");
    assertThat(board.get("/supervision/api/requests/not-a-number").statusCode()).isEqualTo(404);
  }

  // --- a request's page ----------------------------------------------------------------------

  @Test
  void aRequestsPageTellsEveryStepWhoTookItTheDecisionAndThePathTaken() {
    JsonNode file = json(board.get("/supervision/api/requests/" + rejected));

    List<String> titles = new ArrayList<>();
    file.path("timeline").forEach(step -> titles.add(step.path("title").asText()));
    assertThat(titles)
        .containsSubsequence(
            "Заявка зарегистрирована", "Этап: Проверка инвестора", "Проверка инвестора пройдена", "Этап: Оценка заявки",
            "Задача «Оценить заявку» выполнена", "Итог: отклонена");
    JsonNode assessed = step(file, "Задача «Оценить заявку» выполнена");
    assertThat(assessed.path("actor").asText()).isEqualTo(SupervisedRequests.OFFICER);
    assertThat(assessed.path("fields").toString()).contains("Решение по оценке", "отклонить", SupervisedRequests.COMMENT);
    // the task's card copies (registry number, investor) are no decision
    assertThat(assessed.path("fields").toString()).doesNotContain("requestNumber", "investorName");
    JsonNode comment = step(file, "Комментарий");
    assertThat(comment.path("actor").asText()).isEqualTo(SupervisedRequests.OFFICER);
    assertThat(comment.path("detail").asText()).isEqualTo(SupervisedRequests.COMMENT);
    assertThat(step(file, "Итог: отклонена").path("detail").asText()).isEqualTo("на этапе «Оценка заявки»");
    JsonNode path = file.path("paths").get(0);
    assertThat(path.path("processDefinitionKey").asText()).isEqualTo("localisation-request");
    assertThat(path.path("passed").toString()).contains("Task_ScreenInvestor", "Task_AssessRequest");
    assertThat(path.path("active")).isEmpty();
    assertThat(file.path("request").path("statusName").asText()).isEqualTo("Отклонена");
  }

  @Test
  void theDashboardCountsOpenRequestsDecisionsAndTheirDuration() {
    JsonNode figures = json(board.get("/supervision/api/dashboard"));

    assertThat(stageCount(figures, "ASSESSMENT")).isGreaterThanOrEqualTo(1);
    assertThat(figures.path("openByStage")).hasSize(7);
    assertThat(figures.path("overdueTasksByGroup")).hasSize(6);
    assertThat(figures.path("rejectedThisMonth").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(figures.path("decisionsInWindow").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(figures.path("medianDays").isNumber()).isTrue();
    assertThat(figures.path("p90Days").asDouble()).isGreaterThanOrEqualTo(figures.path("medianDays").asDouble());
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> days = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    assertThat(Dashboard.percentile(days, 0.5)).isEqualTo(5.0);
    assertThat(Dashboard.percentile(days, 0.9)).isEqualTo(9.0);
    assertThat(Dashboard.percentile(List.of(2.25), 0.9)).isEqualTo(2.3);
    assertThat(Dashboard.percentile(List.of(), 0.5)).isNull();
  }

  // --- the CSV -------------------------------------------------------------------------------

  @Test
  void theCsvExportsTheCurrentViewForExcel() {
    Reply csv = board.get("/supervision/api/requests.csv?q=" + encoded(investor));

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.header("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''"));
    byte[] bytes = csv.bytes();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo("Номер;Инвестор;Отрасль;Статус;Этап;Зарегистрирована;Завершена;Дней в работе;Просрочена;Номер соглашения;Площадка");
    assertThat(lines[1]).startsWith(waiting + ";" + investor + ";Переработка литий-ионных аккумуляторов;В работе;Оценка заявки;").endsWith(";0;нет;;");
    assertThat(lines[2]).startsWith(rejected + ";" + investor + ";Переработка литий-ионных аккумуляторов;Отклонена;Завершена;");
    // a filter narrows the export as it narrows the page
    assertThat(board.get("/supervision/api/requests.csv?status=REJECTED&q=" + encoded(investor)).body().split("\r\n")).hasSize(2);
  }

  // --- who reads it --------------------------------------------------------------------------

  @Test
  void theBoardAndAdministratorsReadItOtherOfficialsAndInvestorsGetNothing() {
    String register = "/supervision/api/requests?q=" + encoded(investor);

    assertThat(cockpitSession("admin", "admin").get(register).statusCode()).isEqualTo(200);
    assertThat(http.as("investment.head", "demo").get(register).statusCode()).isEqualTo(200);
    Reply official = tasklistSession("investment.officer").get(register);
    assertThat(official.statusCode()).isEqualTo(403);
    assertThat(json(official).path("detail").asText()).isEqualTo("Реестр заявок доступен руководству департамента и администраторам");
    for (String user : List.of("compliance.officer", "eco.reviewer", "mosprom.specialist", "site.officer", "investor", "investor2")) {
      for (String path : List.of(register, "/supervision/api/requests/" + rejected, "/supervision/api/dashboard", "/supervision/api/requests.csv")) {
        assertThat(http.as(user, "demo").get(path).statusCode()).as(user + " " + path).isEqualTo(403);
      }
    }
    Reply anonymous = http.get(register);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headerValues("WWW-Authenticate")).isEmpty();
    // read-only: nothing else is answered
    assertThat(board.request("DELETE", "/supervision/api/requests/" + rejected).send().statusCode()).isEqualTo(403);
  }

  @Test
  void readingTheRegisterLeavesTheCockpitSessionAsItWas() {
    String session = board.cookie("JSESSIONID").orElseThrow();

    board.get("/supervision/api/dashboard");
    board.get("/supervision/api/requests?size=1");
    // the officials' endpoints (documents) read the same session the same way
    board.get("/camunda/api/localisation/requests/" + rejected + "/documents/999999");

    assertThat(board.cookie("JSESSIONID")).contains(session);
    assertThat(board.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Logs in to Cockpit as the browser does: the page (session, XSRF-TOKEN), then the form. */
  private HttpTestClient cockpitSession(String user, String password) {
    return webappSession("cockpit", user, password);
  }

  private HttpTestClient tasklistSession(String user) {
    return webappSession("tasklist", user, "demo");
  }

  private HttpTestClient webappSession(String app, String user, String password) {
    HttpTestClient client = http.withSession();
    assertThat(client.get("/camunda/app/" + app + "/default/").statusCode()).isEqualTo(200);
    String token = client.cookie("XSRF-TOKEN").orElseThrow();
    Reply login =
        client.request("POST", "/camunda/api/admin/auth/user/default/login/" + app)
            .header("X-XSRF-TOKEN", token)
            .body("application/x-www-form-urlencoded", "username=" + encoded(user) + "&password=" + encoded(password))
            .send();
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return client;
  }

  private static JsonNode json(Reply reply) {
    assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 499);
    return reply.json();
  }

  private static List<String> numbers(Reply reply) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return numbers(reply.json());
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("items").forEach(item -> numbers.add(item.path("number").asText()));
    return numbers;
  }

  private static JsonNode item(JsonNode page, String number) {
    for (JsonNode item : page.path("items")) {
      if (item.path("number").asText().equals(number)) {
        return item;
      }
    }
    throw new AssertionError(number + " not in " + page);
  }

  private static JsonNode step(JsonNode file, String title) {
    for (JsonNode step : file.path("timeline")) {
      if (step.path("title").asText().equals(title)) {
        return step;
      }
    }
    throw new AssertionError(title + " not in " + file.path("timeline"));
  }

  private static long stageCount(JsonNode figures, String stage) {
    for (JsonNode count : figures.path("openByStage")) {
      if (count.path("code").asText().equals(stage)) {
        return count.path("count").asLong();
      }
    }
    throw new AssertionError(stage);
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
