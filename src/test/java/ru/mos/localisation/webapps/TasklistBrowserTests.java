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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.mos.localisation.ApplicationTest;
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
@EnabledIf(value = "browserInstalled", disabledReason = TasklistBrowserTests.BROWSER_MISSING)
class TasklistBrowserTests {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");
  static final String BROWSER_MISSING =
      "Tasklist browser tests need Debian's chromium and chromium-driver at /usr/bin/chromium and"
          + " /usr/bin/chromedriver (apt-get install chromium chromium-driver)";

  /** How long a page may take to show what a step waits for. */
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
  /** How long the process (job executor included) may take to reach the next task. */
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

  private static final String PASSWORD = "demo";
  private static final String INVESTOR_NAME = "Ge Pai New Energy Co.";
  private static final String PROCESS_NAME = "Согласование локализации производства";
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
  private Path profileDir;
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

  /**
   * Whether the browser is installed, checked before the Spring context starts: without it the
   * tests are skipped, but on CI ({@code CI=true}) a missing browser is an error.
   */
  static boolean browserInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(BROWSER_MISSING + "; on CI (CI=true) that is an error, not a skip");
    }
    return installed;
  }

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
    testName = test.getTestMethod().orElseThrow().getName();
    step = 0;
    profileDir = Files.createTempDirectory("tasklist-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profileDir,
        "--window-size=1400,1000",
        // officials work in Russian: the browser asks for Russian first
        "--lang=ru");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
    ChromeDriverService driverService =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(driverService, options);
    wait = new WebDriverWait(browser, PAGE_TIMEOUT);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profileDir != null) {
      try (Stream<Path> files = Files.walk(profileDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  // --- the tests ---------------------------------------------------------------------------------

  @Test
  void officialsTakeARequestFromIntakeToApprovalInTasklist() throws Exception {
    // given a battery-recycling plant submitted by the investor's portal
    String number = submitAsInvestor();

    // the investment department assesses it
    loginAs("investment.officer");
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    assertThat(fieldValue("Номер заявки")).isEqualTo(number);
    assertThat(fieldValue("Инвестор")).isEqualTo(INVESTOR_NAME);
    claim();
    chooseOption("Решение по заявке", "Продолжить рассмотрение");
    typeInto("Комментарий", "Проект соответствует приоритетам города");
    completeTask(number, "Task_AssessRequest");

    // the environmental reviewer approves the hazardous plant
    loginAs("eco.reviewer");
    openTaskFromFilter(ENVIRONMENTAL_REVIEW, number, "Провести экологическую экспертизу");
    claim();
    chooseOption("Заключение экологической экспертизы", "Положительное");
    typeInto("Условия и требования", "Ежегодный отчёт о выбросах");
    completeTask(number, "Task_ReviewEnvironmentalImpact");

    // Mosprom prepares the support package, with the personnel exchange the investor asked for
    loginAs("mosprom.specialist");
    openTaskFromFilter(MOSPROM, number, "Подготовить пакет мер поддержки");
    claim();
    chooseOption("Меры экспортной поддержки", "Участие в выставке");
    typeInto(
        "Программа обмена персоналом (обязательна, если инвестор её запросил)",
        "Стажировка 20 инженеров на заводе инвестора");
    completeTask(number, "Task_PrepareSupportPackage");

    // the site officer selects the best candidate shown
    loginAs("site.officer");
    openTaskFromFilter(SITE_ALLOCATION, number, "Выбрать площадку");
    claim();
    String siteId = fieldValue("Номера подходящих площадок").split(",")[0].strip();
    assertThat(siteId).matches("MSK-\\d{3}");
    typeInto("Выбранная площадка", siteId);
    completeTask(number, "Task_SelectSite");

    // the investor accepts the offered site over the API
    assertThat(getAsInvestor(number).path("site").path("id").asText()).isEqualTo(siteId);
    Reply answer =
        postAsInvestor("/api/v1/localisation-requests/" + number + "/site-offer/answer", "{\"accepted\": true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    // the board sees the accepted site and approves
    loginAs("investment.head");
    openTaskFromFilter(INVESTMENT_BOARD, number, "Принять итоговое решение");
    assertThat(fieldValue("Площадка, принятая инвестором")).startsWith(siteId);
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
  void investmentOfficerRegistersARequestFromAFairWithTheStartForm() {
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
    assertThat(submittedBy(number)).isEqualTo("investment.officer");
    // and, complete and screened, waits for the department's assessment
    openTaskFromFilter(INVESTMENT_DEPARTMENT, number, "Оценить заявку");
    assertThat(fieldValue("Номер заявки")).isEqualTo(number);
    assertThat(fieldValue("Инвестор")).isEqualTo(INVESTOR_NAME);
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
        .contains("Номер заявки", "Инвестор", "Решение по заявке", "Продолжить рассмотрение", "Отклонить заявку", "Комментарий")
        .allSatisfy(label -> assertThat(label).matches(RUSSIAN_TEXT));
    // and Tasklist's own words, from the application's Russian locale
    tasklistWords.put("Start process", browser.findElement(By.cssSelector(".start-process-action a")).getText());
    tasklistWords.put("Claim", browser.findElement(CLAIM_BUTTON).getText());
    tasklistWords.put("Complete", browser.findElement(COMPLETE_BUTTON).getText());
    tasklistWords.put("Log out", browser.findElement(By.cssSelector("li.account li.logout a")).getDomProperty("textContent"));
    assertThat(tasklistWords).allSatisfy((english, shown) -> assertThat(shown.strip()).as(english).matches(RUSSIAN_TEXT));
    assertThat(tasklistWords.get("Complete")).isEqualTo("Завершить");
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
    assertThat(fieldValue("Номер заявки")).isEqualTo(number);
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
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']"))).sendKeys(userId);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
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
    assertThat(card.getText()).contains("Номер заявки", number, "Инвестор", INVESTOR_NAME);
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

  private String fieldValue(String label) {
    return field(label).findElement(By.cssSelector("input, textarea")).getDomProperty("value");
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
    click(select.findElement(By.cssSelector(".fjs-input-group")));
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
    Reply response =
        postAsInvestor("/api/v1/localisation-requests", TestRequests.recyclingPlantJson("BROWSER-" + UUID.randomUUID()));
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
