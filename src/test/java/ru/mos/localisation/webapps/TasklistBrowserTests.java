package ru.mos.localisation.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mos.localisation.webapps.OfficialGroup.COMPLIANCE;
import static ru.mos.localisation.webapps.OfficialGroup.ENVIRONMENTAL_REVIEW;
import static ru.mos.localisation.webapps.OfficialGroup.INVESTMENT_BOARD;
import static ru.mos.localisation.webapps.OfficialGroup.INVESTMENT_DEPARTMENT;
import static ru.mos.localisation.webapps.OfficialGroup.MOSPROM;
import static ru.mos.localisation.webapps.OfficialGroup.SITE_ALLOCATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HeadlessChromium;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.Multipart;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.TestRequests;

/**
 * Tasklist as officials use it, in a real headless Chromium that asks for Russian: each official
 * logs in, finds the request's task through a filter, fills its Camunda Form and completes it; the
 * investor's own steps go over the investor API. Every step leaves a screenshot in {@code
 * target/tasklist-screenshots/} ({@code <test>-<step no>-<step>.png}); a failed test leaves the
 * page it failed on, with its HTML.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}: without them the tests are
 * skipped, except on CI ({@code CI=true}), where a missing browser fails them. Selenium gets both
 * paths explicitly, so Selenium Manager never tries to download a browser or a driver.
 *
 * <p>Tasklist's pages address the engine named {@code default}: that of the shared {@link
 * ApplicationTest} context. That context has no job executor, so while a step waits for the next
 * task the test runs the request's due jobs (the asynchronous screening) as the executor would.
 */
@ApplicationTest
@EnabledIf(value = "ru.mos.localisation.HeadlessChromium#installed", disabledReason = HeadlessChromium.MISSING)
class TasklistBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");

  /** How long a page may take to show what a step waits for. */
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
  /** How long the process (job executor included) may take to reach the next task. */
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

  private static final String PASSWORD = "demo";
  private static final String INVESTOR_NAME = "Ge Pai New Energy Co.";
  private static final String PROCESS_NAME = "Согласование локализации производства";
  /** A description with Markdown in it: every form shows it as the text the investor typed. */
  private static final String DESCRIPTION =
      "Full cycle, from raw materials to recycling. ![x](http://evil.example/p.png) [link](http://evil.example/)";
  /** Codes officials must never read on a form. */
  private static final List<String> CODES =
      List.of("BATTERY_RECYCLING", "ENVIRONMENTAL_IMPACT_SUMMARY", "BUSINESS_PLAN", "PRIORITY_INVESTMENT_PROJECT",
          "INDUSTRIAL_COMPLEX", "TRADE_MISSION", "FAIR_PARTICIPATION", "PROCEED", "APPROVE", "2500000000", "P10D", "{{");
  /** Text in Russian: Cyrillic letters and no Latin ones. */
  private static final String RUSSIAN_TEXT = "[^A-Za-z]*\\p{IsCyrillic}[^A-Za-z]*";

  private static final By SIGN_IN_BUTTON = By.cssSelector("form[name='signinForm'] button[type='submit']");
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By CLAIM_BUTTON = By.cssSelector("button.claim");
  private static final By COMPLETE_BUTTON = By.cssSelector("button[ng-click='complete()']");
  /** Tasklist's notification that a task does not exist (for this user). */
  private static final By TASK_UNAVAILABLE = By.cssSelector(".notifications .alert-danger");

  /** The investor on the investor API. */
  private final HttpTestClient investor;
  private final String baseUrl;
  private final ObjectMapper objectMapper;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final JdbcClient jdbc;

  /** A screenshot and the HTML of the page a failed test left, taken before the browser closes. */
  @RegisterExtension
  final AfterTestExecutionCallback pageOnFailure =
      context -> {
        if (context.getExecutionException().isPresent() && this.browser != null) {
          snapshot("FAILED");
          Files.writeString(SCREENSHOTS.resolve(screenshotName("FAILED", "html")), this.browser.getPageSource());
        }
      };

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;
  private String testName;
  private int step;

  @Autowired
  TasklistBrowserTests(
      @LocalServerPort int port,
      ObjectMapper objectMapper,
      TaskService taskService,
      RuntimeService runtimeService,
      ManagementService managementService,
      JdbcClient jdbc) {
    this.baseUrl = "http://localhost:" + port;
    this.investor = HttpTestClient.onPort(port).as("investor", "demo");
    this.objectMapper = objectMapper;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
    testName = test.getTestMethod().orElseThrow().getName();
    step = 0;
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    wait = new WebDriverWait(browser, PAGE_TIMEOUT);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  // --- the tests ---------------------------------------------------------------------------------

  @Test
  void officialsTakeARequestFromIntakeToApprovalInTasklist() throws Exception {
    // given a battery-recycling plant submitted by the investor's portal, its description with
    // Markdown that must stay text on every form
    String number =
        submitAsInvestor(
            TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID())
                .replace("\"Full cycle\"", "\"" + DESCRIPTION + "\""));

    // the investment department lands on its own filter, sorted by due date, and assesses the request
    loginAs("investment.officer");
    assertThat(activeFilterName()).isEqualTo(INVESTMENT_DEPARTMENT.filterName());
    assertThat(browser.getCurrentUrl()).contains("sorting=").contains("dueDate");
    assertThat(browser.findElement(By.cssSelector("[cam-sorting-choices] .sort-by")).getText()).isEqualTo("Срок исполнения");
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    assertThat(cardOf(number).getText()).containsPattern("Приоритет:\\s*A");
    assertThat(cardOf(number).findElements(By.cssSelector(".priority"))).noneMatch(WebElement::isDisplayed);
    assertRequestCard(number);
    assertThat(formText())
        .contains("Приоритет и маршрут", "Приоритет: A — высокий", "Срок оценки:", "Экологическая экспертиза: требуется",
            "Возможные статусы города:", "Решения по заявке", "Проверка инвестора (автоматически): совпадений со списком проверки нет");
    assertThat(descriptionTab()).contains("Оцените проект", "продолжить рассмотрение или отклонить");
    assertNoCodes();
    snapshotForm("form-assess-request");
    claim();
    chooseOption("Решение по заявке", "Продолжить рассмотрение");
    typeInto("Комментарий", "Проект соответствует приоритетам города");
    completeTask(number, "Task_AssessRequest");

    // the environmental reviewer sees the request and the department's assessment, and approves
    loginAs("eco.reviewer");
    assertThat(activeFilterName()).isEqualTo(ENVIRONMENTAL_REVIEW.filterName());
    openTaskFromFilter(ENVIRONMENTAL_REVIEW, number, "Провести экологическую экспертизу");
    assertRequestCard(number);
    assertThat(formText())
        .contains("Что оценивает экспертиза", "Класс опасности производства: 3", "Резюме оценки воздействия: представлено",
            "Оценка департамента: Продолжить рассмотрение: «Проект соответствует приоритетам города» (investment.officer")
        .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2} МСК — Оценить заявку, investment\\.officer");
    assertThat(descriptionTab()).contains("резюме оценки воздействия");
    assertNoCodes();
    snapshotForm("form-review-environmental-impact");
    claim();
    chooseOption("Заключение экологической экспертизы", "Положительное");
    typeInto("Условия и требования", "Ежегодный отчёт о выбросах");
    completeTask(number, "Task_ReviewEnvironmentalImpact");

    // Mosprom sees what the investor asked for and prepares the package
    loginAs("mosprom.specialist");
    openTaskFromFilter(MOSPROM, number, "Подготовить пакет мер поддержки");
    assertRequestCard(number);
    assertThat(formText())
        .contains("Что запросил инвестор", "Экспортная поддержка: запрошена", "Обмен персоналом: запрошен", "Заключение положительное");
    assertNoCodes();
    snapshotForm("form-prepare-support-package");
    claim();
    chooseOption("Меры экспортной поддержки", "Участие в выставке");
    typeInto(
        "Программа обмена персоналом (обязательна, если инвестор её запросил)",
        "Стажировка 20 инженеров на заводе инвестора");
    completeTask(number, "Task_PrepareSupportPackage");

    // the site officer compares the candidates with the project's needs and picks one from a select
    loginAs("site.officer");
    openTaskFromFilter(SITE_ALLOCATION, number, "Выбрать площадку");
    assertThat(formText())
        .contains("Потребности проекта", "Площадь: не менее 5 га", "Мощность: не менее 10 МВт", "Класс опасности производства: 3",
            "Подходящие площадки, лучшие первыми");
    assertThat(browser.findElements(By.cssSelector(".fjs-form .fjs-form-field-text table tr"))).hasSizeGreaterThan(1);
    assertNoCodes();
    assertThat(field("Площадка").getText()).contains("Выберите площадку").doesNotContain("Select");
    snapshotForm("form-select-site");
    claim();
    List<String> options = selectOptions("Площадка");
    assertThat(options).isNotEmpty().allSatisfy(option -> assertThat(option).matches("MSK-\\d{3} — .+ га, .+ МВт, классы опасности [\\d, ]+"));
    String option = options.get(0);
    String siteId = option.substring(0, option.indexOf(' '));
    selectOption("Площадка", option);
    completeTask(number, "Task_SelectSite");

    // the investor accepts the offered site over the API
    assertThat(getAsInvestor(number).path("site").path("id").asText()).isEqualTo(siteId);
    Reply answer =
        postAsInvestor("/api/v1/localisation-requests/" + number + "/site-offer/answer", "{\"accepted\": true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    // the board sees every result so far, who decided and when, and approves
    loginAs("investment.head");
    openTaskFromFilter(INVESTMENT_BOARD, number, "Принять итоговое решение");
    assertRequestCard(number);
    assertThat(formText())
        .contains(
            "Итоги рассмотрения",
            "Проверка инвестора: совпадений со списком проверки нет",
            "Приоритет: A — высокий",
            "Оценка департамента: Продолжить рассмотрение: «Проект соответствует приоритетам города» (investment.officer",
            "Экологическая экспертиза: Заключение положительное; условия: Ежегодный отчёт о выбросах (eco.reviewer",
            "Моспром: Меры экспортной поддержки: Участие в выставке (mosprom.specialist",
            "Программа обмена персоналом: Стажировка 20 инженеров на заводе инвестора",
            "Площадка, принятая инвестором: " + siteId + " — ",
            "Выбрать площадку, site.officer: Выбрана площадка " + siteId);
    assertThat(descriptionTab()).contains("Одобрение закрепит площадку");
    assertNoCodes();
    snapshotForm("form-decide-final-approval");
    claim();
    chooseOption("Итоговое решение", "Одобрить заявку");
    completeTask(number, "Task_DecideFinalApproval");

    // then the investor finds the request approved, with an agreement and the site allocated
    JsonNode approved = getAsInvestor(number);
    assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("agreementNumber").asText()).isNotBlank();
    assertThat(approved.path("site").path("id").asText()).isEqualTo(siteId);
  }

  @Test
  void complianceReviewsAHitWithTheListEntryAndARequiredReason() throws Exception {
    // given a request of a listed investor that lacks its environmental impact summary
    String number =
        submitAsInvestor(
            TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID())
                .replace("Ge Pai New Energy Co.", RunningRequests.BLOCKED_INVESTOR)
                .replaceFirst(",\\s*\"ENVIRONMENTAL_IMPACT_SUMMARY\"", ""));

    // the department sees the missing document in words and finds the files sufficient
    loginAs("investment.officer");
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Подтвердить перечень недостающих документов");
    assertThat(formText())
        .contains("Заявка " + number, "Недостающие документы", "Резюме оценки воздействия на окружающую среду",
            "Заявлены инвестором: Бизнес-план, Финансовая отчётность, Учредительные документы");
    assertThat(descriptionTab()).contains("Подтвердите перечень");
    assertNoCodes();
    snapshotForm("form-confirm-missing-documents");
    claim();
    completeTask(number, "Task_ConfirmMissingDocuments");

    // compliance sees the registration number and the list entry the name matched
    loginAs("compliance.officer");
    assertThat(activeFilterName()).isEqualTo(COMPLIANCE.filterName());
    openTaskFromFilter(COMPLIANCE, number, "Рассмотреть совпадение при проверке");
    assertThat(formText())
        .contains("Совпадение при проверке инвестора", "Наименование в заявке: " + RunningRequests.BLOCKED_INVESTOR,
            "Запись списка проверки: Blocked Holdings Ltd", "Регистрационный номер в заявке: 91310000MA1FL0000X",
            "Регистрационный номер: 91310000MA1FL0000X", "Решения по заявке",
            "Подтвердить перечень недостающих документов, investment.officer: Представленных документов достаточно");
    assertThat(descriptionTab()).contains("Причина решения обязательна");
    assertNoCodes();
    snapshotForm("form-review-screening-hit");
    claim();
    chooseOption("Решение по совпадению", "Совпадение снято — продолжить рассмотрение");

    // without a reason the form says in Russian what is missing, and nothing is completed
    String reviewId = openTask(number, "Task_ReviewScreeningHit").getId();
    click(browser.findElement(COMPLETE_BUTTON));
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field-error")));
    wait.until(ExpectedConditions.textToBePresentInElement(error, "Заполните поле."));
    snapshotForm("form-review-screening-hit-without-reason");
    assertThat(taskService.createTaskQuery().taskId(reviewId).count()).isEqualTo(1);
    // Tasklist's own notice of the refused submission closes, as an official would close it
    browser.findElements(By.cssSelector(".page-notifications .alert .close")).stream()
        .filter(WebElement::isDisplayed)
        .forEach(close -> ((JavascriptExecutor) browser).executeScript("arguments[0].click();", close));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));

    typeInto("Причина решения", "Другое лицо: регистрационный номер не совпадает с записью списка");
    completeTask(number, "Task_ReviewScreeningHit");

    // the reason is on the request's timeline, which the investor does not see
    assertThat(jdbc.sql("SELECT detail || ' / ' || actor FROM request_event WHERE request_number = ? AND type = 'SCREENING_REVIEWED'")
            .param(number).query(String.class).single())
        .isEqualTo("Совпадение снято. Причина: Другое лицо: регистрационный номер не совпадает с записью списка / compliance.officer");
    assertThat(getAsInvestor(number).path("timeline").toString()).doesNotContain("SCREENING", "Совпадение");

    // and the department's assessment shows the review with who took it
    loginAs("investment.officer");
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    assertThat(formText()).contains("Рассмотреть совпадение при проверке, compliance.officer: Совпадение снято");
    snapshotForm("form-assess-request-after-review");
  }

  @Test
  void theBoardAndTheSiteOfficerSeeWhatTheirExceptionsNeed() throws Exception {
    // given a request for 500 ha, which no site of the registry fits, whose assessment is overdue
    String number =
        submitAsInvestor(
            TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID()).replace("\"requiredAreaHa\": 5.0", "\"requiredAreaHa\": 500.0"));
    Task assessment = awaitTask(number, "Оценить заявку");
    runTimer(assessment.getProcessInstanceId(), "Event_AssessmentOverdue");

    // the board sees the priority, when the assessment fell due and that nobody has taken it
    loginAs("investment.head");
    openTaskFromFilter(INVESTMENT_BOARD, number, "Рассмотреть просроченную оценку");
    assertThat(formText())
        .contains("Заявка " + number, "Приоритет: A — высокий", "Просроченная оценка", "Срок оценки истёк:", "Задача оценки: никем не взята в работу");
    assertThat(descriptionTab()).contains("дайте поручение");
    assertNoCodes();
    snapshotForm("form-handle-overdue-assessment");
    claim();
    typeInto("Поручение по просроченной оценке", "Завершить оценку до пятницы");
    completeTask(number, "Task_HandleOverdueAssessment");

    // the request goes on (done here without the browser) until no site is found
    taskService.complete(assessment.getId(), Map.of("assessmentDecision", "PROCEED"));
    taskService.complete(awaitTask(number, "Провести экологическую экспертизу").getId(), Map.of("environmentalDecision", "APPROVE"));

    // the site officer sees the project's needs and what to decide
    loginAs("site.officer");
    openTaskFromFilter(SITE_ALLOCATION, number, "Решить судьбу заявки без площадки");
    assertThat(formText())
        .contains("Потребности проекта", "Площадь: не менее 500 га", "В реестре нет свободной площадки",
            "Рассмотреть просроченную оценку, investment.head: Дано поручение по просроченной оценке. «Завершить оценку до пятницы»");
    assertThat(descriptionTab()).contains("ждать новые площадки");
    assertNoCodes();
    snapshotForm("form-decide-without-site");
  }

  @Test
  void investmentOfficerRegistersARequestFromAFairWithTheStartForm() throws Exception {
    String reference = "FAIR-" + UUID.randomUUID();
    loginAs("investment.officer");

    // Tasklist's «Start process» dialog with the process's start form
    click(browser.findElement(By.cssSelector(".start-process-action a")));
    WebElement process =
        wait.until(
            driver ->
                driver.findElements(By.cssSelector(".modal ul.processes li a")).stream()
                    .filter(link -> link.getText().strip().equals(PROCESS_NAME))
                    .findFirst()
                    .orElse(null));
    snapshot("start-process-dialog");
    click(process);
    awaitForm();
    typeInto("Внешний номер (например, номер анкеты выставки)", reference);
    typeInto("Наименование инвестора", INVESTOR_NAME);
    typeInto("Страна (код ISO, например CN)", "CN");
    typeInto("Регистрационный номер", "91310000MA1FL0000X");
    typeInto("Электронная почта для связи", "invest@example.cn");
    typeInto("Учётная запись инвестора на портале", "investor");
    selectOption("Отрасль", "Переработка литий-ионных аккумуляторов");
    typeInto("Название проекта", "Li-ion battery recycling plant");
    typeInto("Инвестиции, руб.", "2500000000");
    typeInto("Рабочих мест", "320");
    typeInto("Доля экспорта, %", "30");
    typeInto("Площадь, га", "5");
    typeInto("Мощность, МВт", "10");
    selectOption("Класс опасности", "3 класс");
    for (String document :
        List.of("Бизнес-план", "Финансовая отчётность", "Учредительные документы", "Резюме оценки воздействия на окружающую среду")) {
      chooseOption("Представленные документы", document);
    }
    tick("Запрошена экспортная поддержка");
    tick("Запрошен обмен персоналом");
    snapshot("start-form-filled");
    click(browser.findElement(By.cssSelector(".modal button[ng-click='startProcessInstance()']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
    snapshot("process-started");

    // the request is registered under a registry number, filed by the official
    String number = awaitRegistered(reference);
    // for the investor's portal account: the investor follows it (and may supply its documents)
    assertThat(submittedBy(number)).isEqualTo("investor");
    assertThat(getAsInvestor(number).path("externalReference").asText()).isEqualTo(reference);
    // and, complete and screened, waits for the department's assessment
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    assertThat(formText()).contains("Заявка " + number, "Инвестор: " + INVESTOR_NAME, "Инвестиции: 2 500 000 000 ₽");
  }

  @Test
  void tasklistSpeaksRussianToARussianBrowser() throws Exception {
    String number = submitAsInvestor();
    browser.get(tasklistUrl());
    WebElement signIn = wait.until(ExpectedConditions.visibilityOfElementLocated(SIGN_IN_BUTTON));
    snapshot("login-page");
    Map<String, String> tasklistWords = new LinkedHashMap<>();
    tasklistWords.put("Log in", signIn.getText());

    loginAs("investment.officer");
    assertThat(browserLanguage()).startsWith("ru");
    assertThat(filterNames()).isNotEmpty().allSatisfy(name -> assertThat(name).matches(RUSSIAN_TEXT));
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");

    // the process's words: names and form labels
    assertThat(browser.findElement(By.cssSelector(".task-details h4.process-definition")).getText())
        .startsWith(PROCESS_NAME);
    assertThat(formLabels())
        .contains("Решение по заявке", "Продолжить рассмотрение", "Отклонить заявку", "Комментарий")
        .allSatisfy(label -> assertThat(label).matches(RUSSIAN_TEXT));
    // and Tasklist's own words, from the application's Russian locale
    tasklistWords.put("Start process", browser.findElement(By.cssSelector(".start-process-action a")).getText());
    tasklistWords.put("Claim", browser.findElement(CLAIM_BUTTON).getText());
    tasklistWords.put("Complete", browser.findElement(COMPLETE_BUTTON).getText());
    tasklistWords.put("Log out", browser.findElement(By.cssSelector("li.account li.logout a")).getDomProperty("textContent"));
    assertThat(tasklistWords).allSatisfy((english, shown) -> assertThat(shown.strip()).as(english).matches(RUSSIAN_TEXT));
    assertThat(tasklistWords.get("Complete")).isEqualTo("Завершить");

    // and nothing that is not the officials' business: Camunda's product notice, free-standing tasks
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElements(By.cssSelector("li.create-task-action"))).noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8", "Создать задачу");
  }

  @Test
  void officialsDoNotSeeAnotherGroupsTask() throws Exception {
    String number = submitAsInvestor();
    String assessmentId = awaitTask(number, "Оценить заявку").getId();

    // the compliance officer finds the assessment in none of their filters
    loginAs("compliance.officer");
    assertThat(filterNames()).contains(COMPLIANCE.filterName()).doesNotContain(INVESTMENT_DEPARTMENT.filterName());
    for (String filterName : filterNames()) {
      clickFilter(filterName);
      awaitTaskListLoaded();
      snapshot("filter-" + filterName);
      assertThat(browser.findElements(taskCard(assessmentId))).as("card in filter %s", filterName).isEmpty();
    }

    // and the task's own address shows them neither the request nor a form
    openTaskByUrl(assessmentId);
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(TASK_UNAVAILABLE));
    snapshot("assessment-url-as-compliance-officer");
    assertThat(refusal.getText()).contains("Задача больше не существует", assessmentId);
    assertThat(browser.findElements(By.cssSelector(".fjs-form"))).isEmpty();
    assertThat(browser.findElements(COMPLETE_BUTTON)).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(number);

    // while the same address shows the assessment to the investment department
    loginAs("investment.officer");
    openTaskByUrl(assessmentId);
    awaitForm();
    snapshot("assessment-url-as-investment-officer");
    assertThat(formText()).contains("Заявка " + number);
  }

  @Test
  void theOfficerOpensADocumentFromTheAssessmentFormAndAnotherGroupCannot() throws Exception {
    // given a request filed with its files
    String number = submitWithFilesAsInvestor();

    // the investment officer finds the business plan listed in the assessment form, in Russian
    loginAs("investment.officer");
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    // Tasklist covers the form of an unclaimed task: the officer takes the task, then reads
    claim();
    WebElement link =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[contains(@class,'fjs-form')]//a[text()='business-plan.pdf']")));
    WebElement item = link.findElement(By.xpath("./ancestor::li[1]"));
    assertThat(item.getText()).startsWith("Бизнес-план: business-plan.pdf — 620 Б, загружен ");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    snapshot("assessment-documents");
    String href = link.getAttribute("href");

    // and opens it from the form, in the same session: the city's timeline records who did
    click(link);
    new WebDriverWait(browser, PROCESS_TIMEOUT).until(driver -> openingsBy(number, "investment.officer") == 1);
    Object status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript("fetch(arguments[0]).then(r => arguments[1](r.status), e => arguments[1](String(e)));", href);
    assertThat(status).isEqualTo(200L);

    // an official of another group opening the same address is refused, in Russian
    loginAs("eco.reviewer");
    browser.get(href);
    snapshot("document-as-eco-reviewer");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Документы заявки открывают сотрудники, которым поручена задача по ней");
    assertThat(openingsBy(number, "eco.reviewer")).isZero();
  }

  // --- Tasklist ----------------------------------------------------------------------------------

  private String tasklistUrl() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  /** Logs out whoever is logged in, through the user menu, and logs in as the official. */
  private void loginAs(String userId) {
    logOut();
    browser.get(tasklistUrl());
    // the login page may still be settling when the first keys arrive (seen on a loaded machine:
    // both went into the user name): type until both fields hold what was typed
    wait.until(
        driver -> {
          WebElement user = driver.findElement(By.cssSelector("input[ng-model='username']"));
          WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
          user.clear();
          user.sendKeys(userId);
          password.clear();
          password.sendKeys(PASSWORD);
          return userId.equals(user.getDomProperty("value")) && PASSWORD.equals(password.getDomProperty("value"));
        });
    browser.findElement(SIGN_IN_BUTTON).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(FILTERS));
    snapshot("logged-in-" + userId);
  }

  private void logOut() {
    List<WebElement> account = browser.findElements(By.cssSelector("li.account .dropdown-toggle"));
    if (account.isEmpty()) {
      return;
    }
    account.get(0).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  private List<String> filterNames() {
    return browser.findElements(FILTERS).stream().map(TasklistBrowserTests::filterName).toList();
  }

  /** A filter's name without the task count Tasklist shows after it (its brackets are CSS). */
  private static String filterName(WebElement filter) {
    return filter.findElement(By.cssSelector(".name")).getText().replaceFirst("\\s*\\(?\\d*\\)?\\s*$", "");
  }

  private void clickFilter(String name) {
    WebElement filter =
        wait.until(
            driver ->
                driver.findElements(FILTERS).stream()
                    .filter(element -> filterName(element).equals(name))
                    .findFirst()
                    .orElse(null));
    click(filter);
    wait.until(ExpectedConditions.attributeContains(filter, "class", "active"));
  }

  /**
   * Waits until the task list agrees with the count Tasklist shows at the chosen filter: its
   * cards, or the notice that no task matches.
   */
  private void awaitTaskListLoaded() {
    wait.until(
        driver -> {
          String count = driver.findElement(By.cssSelector("[cam-tasklist-filters] .task-filter.active .counter")).getText();
          boolean loading = driver.findElements(By.cssSelector("[cam-tasks] .loader")).stream().anyMatch(WebElement::isDisplayed);
          if (count.isBlank() || loading) {
            return false;
          }
          return Integer.parseInt(count.replaceAll("\\D", "")) == 0
              ? driver.findElements(By.cssSelector("[cam-tasks] .well")).stream().anyMatch(WebElement::isDisplayed)
              : !driver.findElements(By.cssSelector("[cam-tasks] .tasks-list li.task")).isEmpty();
        });
  }

  /** The card in the task list that links to the task. */
  private static By taskCard(String taskId) {
    return By.cssSelector(".tasks-list li.task h4.task a[href$='task=" + taskId + "']");
  }

  /**
   * Clicks the group's filter in the left pane, then the card of the request's task in the list,
   * which shows the request's number and investor.
   */
  private void openTaskFromFilter(OfficialGroup group, String number, String taskName) {
    String taskId = awaitTask(number, taskName).getId();
    // Tasklist does not push new tasks: show the list as it is now
    browser.navigate().refresh();
    clickFilter(group.filterName());
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(taskCard(taskId)));
    WebElement card = link.findElement(By.xpath("./ancestor::li[contains(@class, 'task')]"));
    wait.until(ExpectedConditions.textToBePresentInElement(card, number));
    String investorName =
        jdbc.sql("SELECT investor_name FROM localisation_request WHERE number = ?").param(number).query(String.class).single();
    assertThat(card.getText()).contains("Номер заявки", number, "Инвестор", investorName);
    snapshot("task-list");
    click(link);
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-details h2.task"), taskName));
    awaitForm();
    snapshot("task-" + taskName);
  }

  private void openTaskByUrl(String taskId) {
    browser.get(tasklistUrl() + "#/?task=" + taskId);
  }

  private void awaitForm() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field")));
  }

  private void claim() {
    click(wait.until(ExpectedConditions.elementToBeClickable(CLAIM_BUTTON)));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM_BUTTON));
  }

  /** Completes the open task in Tasklist and waits until the engine has completed it. */
  private void completeTask(String number, String taskDefinitionKey) {
    String taskId = openTask(number, taskDefinitionKey).getId();
    snapshot("filled-" + taskDefinitionKey);
    click(wait.until(ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON)));
    new WebDriverWait(browser, PROCESS_TIMEOUT)
        .until(driver -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskCard(taskId)));
    snapshot("completed-" + taskDefinitionKey);
  }

  /** Clicks the element in the middle of the window: Tasklist's footer covers the bottom edge. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private String browserLanguage() {
    return String.valueOf(((JavascriptExecutor) browser).executeScript("return navigator.language;"));
  }

  // --- Camunda Forms (form-js): a field is found by its Russian label, as an official finds it ----

  private WebElement field(String label) {
    return wait.until(
        driver ->
            driver.findElements(By.cssSelector(".fjs-form .fjs-form-field")).stream()
                .filter(field -> fieldLabel(field).map(label::equals).orElse(false))
                .findFirst()
                .orElse(null));
  }

  /** The field's own label (the first), without the asterisk of a required field. */
  private static Optional<String> fieldLabel(WebElement field) {
    return field.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .findFirst()
        .map(label -> label.getText().replaceFirst("\\*$", "").strip());
  }

  private List<String> formLabels() {
    return browser.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
        .map(label -> label.getText().replaceFirst("\\*$", "").strip())
        .filter(text -> !text.isEmpty())
        .toList();
  }

  private void typeInto(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    click(wait.until(ExpectedConditions.elementToBeClickable(input)));
    input.clear();
    input.sendKeys(text);
  }

  /** Ticks a radio button or a checklist box by the label of its option. */
  private void chooseOption(String label, String option) {
    WebElement optionLabel =
        wait.until(
            driver ->
                field(label).findElements(By.cssSelector("label")).stream()
                    .skip(1)
                    .filter(element -> element.getText().strip().equals(option))
                    .findFirst()
                    .orElse(null));
    click(wait.until(ExpectedConditions.elementToBeClickable(optionLabel)));
    wait.until(ExpectedConditions.elementSelectionStateToBe(optionLabel.findElement(By.tagName("input")), true));
  }

  /** Picks an option of a form-js select (a dropdown list, not a native select). */
  private void selectOption(String label, String option) {
    WebElement select = field(label);
    if (select.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
      click(select.findElement(By.cssSelector(".fjs-input-group")));
    }
    WebElement item =
        wait.until(
            driver ->
                select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                    .filter(element -> element.getText().strip().equals(option))
                    .findFirst()
                    .orElse(null));
    click(item);
    wait.until(ExpectedConditions.textToBePresentInElement(select.findElement(By.cssSelector(".fjs-input-group")), option));
  }

  /** Ticks a single checkbox, whose label is its option. */
  private void tick(String label) {
    WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
    click(box);
    wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
  }

  // --- what a form shows ---------------------------------------------------------------------------

  /** Everything the open form shows, as the official reads it. */
  private String formText() {
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  /** The request card of the recycling plant, in Russian words and numbers. */
  private void assertRequestCard(String number) {
    assertThat(formText())
        .contains(
            "Заявка " + number,
            "Инвестор: " + INVESTOR_NAME,
            "Страна: Китай (CN)",
            "Регистрационный номер: 91310000MA1FL0000X",
            "Контакт: invest@example.cn",
            "Проект: Li-ion battery recycling plant",
            "Отрасль: Переработка литий-ионных аккумуляторов",
            "Инвестиции: 2 500 000 000 ₽",
            "Рабочих мест: 320",
            "Доля экспорта: 30 %",
            "Площадь: 5 га",
            "Мощность: 10 МВт",
            "Класс опасности: 3",
            "Поддержка Моспрома: запрошены экспортная поддержка и обмен персоналом",
            "Описание проекта",
            DESCRIPTION);
  }

  /** No code, no raw number, no unfilled placeholder, nothing the investor typed turned into a link or image. */
  private void assertNoCodes() {
    String text = formText();
    assertThat(CODES).allSatisfy(code -> assertThat(text).as("form text").doesNotContain(code));
    assertThat(browser.findElements(By.cssSelector(".fjs-form img, .fjs-form a[href*='evil']"))).isEmpty();
    assertThat(formLabels()).allSatisfy(label -> assertThat(label).matches(RUSSIAN_TEXT));
  }

  /** The task's «Описание» tab, then back to its form. */
  private String descriptionTab() {
    click(taskDetailTab("Описание"));
    WebElement content = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details .tab-content")));
    wait.until(driver -> !content.getText().isBlank());
    String description = content.getText();
    snapshot("description");
    click(taskDetailTab("Форма"));
    awaitForm();
    return description;
  }

  private WebElement taskDetailTab(String label) {
    return wait.until(
        driver ->
            driver.findElements(By.cssSelector(".task-details .nav-tabs li a")).stream()
                .filter(tab -> tab.getText().strip().equals(label))
                .findFirst()
                .orElse(null));
  }

  private String activeFilterName() {
    return filterName(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter.active"))));
  }

  /** The options of a form-js select, as the official reads them in its dropdown. */
  private List<String> selectOptions(String label) {
    WebElement select = field(label);
    click(select.findElement(By.cssSelector(".fjs-input-group")));
    List<String> options =
        wait.until(
            driver -> {
              List<String> shown =
                  select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(item -> item.getText().strip()).toList();
              return shown.isEmpty() ? null : shown;
            });
    // the list stays open for the choice
    return options;
  }

  /** The card of the request's task in the open list. */
  private WebElement cardOf(String number) {
    return browser.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .filter(card -> card.getText().contains(number))
        .findFirst()
        .orElseThrow();
  }

  /** Runs a timer of the request now, as if its time had come. */
  private void runTimer(String processInstanceId, String activityId) {
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult().getId());
  }

  // --- the engine: which task a step waits for -------------------------------------------------

  /** Waits until the process has reached the task, running the request's due jobs as the job executor would. */
  private Task awaitTask(String number, String taskName) {
    return new WebDriverWait(browser, PROCESS_TIMEOUT)
        .until(
            driver -> {
              runDueJobs(number);
              return taskService.createTaskQuery().processInstanceBusinessKey(number).taskName(taskName).singleResult();
            });
  }

  private void runDueJobs(String number) {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).executable().list().stream())
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private Task openTask(String number, String taskDefinitionKey) {
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task %s of %s", taskDefinitionKey, number).isNotNull();
    return task;
  }

  /** Waits for the registry row of the request and answers its number. */
  private String awaitRegistered(String externalReference) {
    return new WebDriverWait(browser, PROCESS_TIMEOUT)
        .until(
            driver ->
                jdbc.sql("SELECT number FROM localisation_request WHERE external_reference = ?")
                    .param(externalReference)
                    .query(String.class)
                    .optional()
                    .orElse(null));
  }

  private String submittedBy(String number) {
    return jdbc.sql("SELECT submitted_by FROM localisation_request WHERE number = ?")
        .param(number)
        .query(String.class)
        .single();
  }

  // --- the investor's API ------------------------------------------------------------------------

  private String submitAsInvestor() throws Exception {
    return submitAsInvestor(TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID()));
  }

  private String submitAsInvestor(String json) throws Exception {
    Reply response = postAsInvestor("/api/v1/localisation-requests", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String number = objectMapper.readTree(response.body()).path("number").asText();
    assertThat(number).matches("LOC-\\d{4}-\\d{5}");
    return number;
  }

  private String submitWithFilesAsInvestor() throws Exception {
    List<Multipart.Part> parts = new ArrayList<>();
    parts.add(Multipart.Part.json("request", TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID())));
    parts.add(Multipart.Part.sample("BUSINESS_PLAN", "business-plan.pdf"));
    parts.add(Multipart.Part.sample("FINANCIAL_STATEMENTS", "financial-statements.xlsx"));
    parts.add(Multipart.Part.sample("CORPORATE_DOCUMENTS", "corporate-documents.docx"));
    parts.add(Multipart.Part.sample("ENVIRONMENTAL_IMPACT_SUMMARY", "environmental-impact-summary.pdf"));
    Reply response = Multipart.post(investor, "/api/v1/localisation-requests", parts);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return objectMapper.readTree(response.body()).path("number").asText();
  }

  /** How often the official opened a file of the request (the city's timeline). */
  private int openingsBy(String number, String official) {
    return jdbc.sql("SELECT COUNT(*) FROM request_event WHERE request_number = ? AND type = 'DOCUMENT_OPENED' AND actor = ?")
        .params(number, official)
        .query(Integer.class)
        .single();
  }

  private JsonNode getAsInvestor(String number) throws Exception {
    Reply response = investor.get("/api/v1/localisation-requests/" + number);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return objectMapper.readTree(response.body());
  }

  private Reply postAsInvestor(String path, String json) {
    return investor.post(path, json);
  }

  // --- screenshots -------------------------------------------------------------------------------

  /** A screenshot of the whole form: the window grows to its height for the shot, then shrinks back. */
  private void snapshotForm(String stepName) {
    Dimension usual = browser.manage().window().getSize();
    Number formHeight =
        (Number) ((JavascriptExecutor) browser).executeScript("return document.querySelector('.fjs-form').scrollHeight;");
    browser.manage().window().setSize(new Dimension(usual.getWidth(), Math.max(usual.getHeight(), formHeight.intValue() + 500)));
    try {
      snapshot(stepName);
    } finally {
      browser.manage().window().setSize(usual);
    }
  }

  private void snapshot(String stepName) {
    step++;
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(screenshotName(stepName, "png")), StandardCopyOption.REPLACE_EXISTING);
      Files.delete(shot);
    } catch (IOException e) {
      throw new IllegalStateException("screenshot of step " + stepName, e);
    }
  }

  private String screenshotName(String stepName, String extension) {
    String safeName = stepName.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    return "%s-%02d-%s.%s".formatted(testName, step, safeName, extension);
  }
}
