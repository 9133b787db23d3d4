package ru.mos.localisation.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HeadlessChromium;
import ru.mos.localisation.intake.IntakeService;

/**
 * The board in Cockpit, in a real headless Chromium that asks for Russian: the dashboard's panel,
 * «Реестр заявок» where a finished request is found by its investor and status and opened, its
 * timeline read and its path drawn on the diagram; and Cockpit's own pages without the actions the
 * board may not take and without failed calls. Screenshots of each step in
 * {@code target/cockpit-screenshots/}. Needs Debian's chromium and chromium-driver, like
 * {@code webapps.TasklistBrowserTests} (skipped without them, except on CI).
 */
@ApplicationTest
@EnabledIf(value = "ru.mos.localisation.HeadlessChromium#installed", disabledReason = HeadlessChromium.MISSING)
class CockpitBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "cockpit-screenshots");
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);

  private final String baseUrl;
  private final SupervisedRequests requests;
  private final RuntimeService runtimeService;
  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;
  private String testName;
  private int step;

  @Autowired
  CockpitBrowserTests(
      @LocalServerPort int port, IntakeService intake, RuntimeService runtimeService, ManagementService managementService,
      TaskService taskService, IdentityService identityService) {
    this.baseUrl = "http://localhost:" + port;
    this.requests = new SupervisedRequests(intake, runtimeService, managementService, taskService, identityService);
    this.runtimeService = runtimeService;
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
      snapshot("last");
      chromium.close();
    }
  }


  @Test
  void theBoardFindsAFinishedRequestInTheRegisterAndReadsItsStory() {
    String investor = SupervisedRequests.uniqueInvestor();
    String rejected = requests.rejectedAtAssessment(investor);
    String waiting = requests.waitingForAssessment(investor);

    loginToCockpit("investment.head");

    // the dashboard's panel
    WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".la-dashboard-panel .la-dashboard")));
    scrollTo(panel);
    assertThat(panel.getText()).contains("В работе по этапам", "Просроченные задачи по группам", "Решения в этом месяце", "Медиана");
    assertThat(Long.parseLong(panel.findElement(By.cssSelector(".la-rejected")).getText())).isGreaterThanOrEqualTo(1);
    snapshot("dashboard-panel");

    // the register, from Cockpit's navigation: found by the investor, narrowed to the rejected
    browser.findElement(By.cssSelector("a.la-navigation")).click();
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".la-register-page input[name='q']")));
    search.sendKeys(investor);
    browser.findElement(By.cssSelector(".la-find")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-number='" + waiting + "']")));
    new Select(browser.findElement(By.cssSelector(".la-register-page select[name='status']"))).selectByValue("REJECTED");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-number='" + waiting + "']")));
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-number='" + rejected + "']")));
    assertThat(row.getText()).contains(rejected, investor, "Переработка литий-ионных аккумуляторов", "Отклонена", "Завершена");
    assertThat(browser.findElement(By.cssSelector(".la-page-of")).getText()).contains("заявок: 1");
    assertThat(browser.findElement(By.cssSelector(".la-csv")).getAttribute("href")).contains("/supervision/api/requests.csv?status=REJECTED&q=");
    snapshot("register");

    // its page: the timeline of every step, and the diagram with the path taken
    row.findElement(By.cssSelector("a.la-number")).click();
    WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".la-timeline")));
    assertThat(timeline.getText())
        .contains("Заявка зарегистрирована", "Проверка инвестора пройдена", "Задача «Оценить заявку» выполнена",
            SupervisedRequests.OFFICER, "Решение по оценке: отклонить", SupervisedRequests.COMMENT, "Итог: отклонена");
    WebElement diagram = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".la-diagram[data-rendered='true']")));
    assertThat(diagram.findElements(By.cssSelector("[data-element-id='Task_AssessRequest'].la-passed"))).hasSize(1);
    assertThat(diagram.findElements(By.cssSelector(".djs-connection.la-taken"))).isNotEmpty();
    snapshot("request-page");
    scrollTo(diagram);
    snapshot("request-diagram");
  }

  @Test
  void cockpitsOwnPagesShowTheBoardNoActionItMayNotTakeAndFailNoCall() {
    String investor = SupervisedRequests.uniqueInvestor();
    String number = requests.waitingForAssessment(investor);
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list().get(0).getId();

    loginToCockpit("investment.head");
    browser.get(baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ctn-toolbar .glyphicon-repeat")));
    wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return document.documentElement.classList.contains('la-read-only')"));
    snapshot("process-instance");

    // retrying a failed job is the board's; cancelling, suspending and variables are not
    assertThat(visible(".ctn-toolbar .glyphicon-remove")).isZero();
    assertThat(visible(".ctn-toolbar .glyphicon-pause")).isZero();
    assertThat(visible(".ctn-toolbar .glyphicon-plus")).isZero();
    assertThat(visible("[ng-click^='enableEditMode']")).isZero();
    assertThat(visible("[ng-click^='deleteVariable']")).isZero();

    // «Human Tasks» opens: the board reads every task
    browser.get(baseUrl + "/camunda/app/cockpit/default/#/tasks");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "investment-department"));
    assertThat(visible(".alert-danger")).isZero();
    snapshot("human-tasks");

    // no call of these pages failed: the definitions' version queries get their page
    assertThat(failedCalls()).isEmpty();
  }

  @Test
  void anotherOfficialWithoutCockpitSeesNoRegister() {
    browser.get(baseUrl + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']"))).sendKeys("investment.officer");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert, .alert-danger")));

    assertThat(browser.findElements(By.cssSelector("a.la-navigation"))).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private void loginToCockpit(String user) {
    browser.get(baseUrl + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.la-navigation")));
  }

  private long visible(String css) {
    return browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).count();
  }

  /** Calls of the page to the webapps' APIs that answered 4xx or 5xx (the browser's resource timing). */
  @SuppressWarnings("unchecked")
  private List<String> failedCalls() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/camunda/api/engine/') && e.responseStatus >= 400)"
                    + ".map(e => e.responseStatus + ' ' + e.name);");
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
  }

  private void snapshot(String stepName) {
    step++;
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(testName, step, stepName)), StandardCopyOption.REPLACE_EXISTING);
      Files.delete(shot);
    } catch (IOException e) {
      throw new IllegalStateException("screenshot of step " + stepName, e);
    }
  }
}
