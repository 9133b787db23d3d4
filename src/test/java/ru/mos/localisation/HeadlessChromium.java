package ru.mos.localisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through chromium-driver (nothing is downloaded at test time),
 * as an official's browser: Russian first, a fresh profile each time, removed on close.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final String MISSING =
      "Browser tests need Debian's chromium and chromium-driver at /usr/bin/chromium and"
          + " /usr/bin/chromedriver (apt-get install chromium chromium-driver)";

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;

  private HeadlessChromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Whether the browser is installed, for {@code @EnabledIf} (checked before a Spring context
   * starts): without it browser tests are skipped, but on CI ({@code CI=true}) that is an error.
   */
  public static boolean installed() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(MISSING + "; on CI (CI=true) that is an error, not a skip");
    }
    return installed;
  }

  /** A new browser with the flags that work on these machines (no network beyond localhost). */
  public static HeadlessChromium start() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile-");
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
        "--user-data-dir=" + profile,
        "--window-size=1400,1000",
        // officials work in Russian: the browser asks for Russian first
        "--lang=ru");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
