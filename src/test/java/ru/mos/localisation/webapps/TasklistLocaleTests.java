package ru.mos.localisation.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;

/**
 * Tasklist in Russian, as the browser fetches it: the application's {@code scripts/config.js}
 * and {@code locales/ru.json} shadow the webjar's files, Russian is offered with English as the
 * fallback, and {@code ru.json} translates every key of Camunda's own {@code en.json}.
 */
@ApplicationTest
class TasklistLocaleTests {

  private static final String TASKLIST = "/camunda/app/tasklist/";
  private static final String WEBJAR_ENGLISH = "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

  private final HttpTestClient http;
  private final ObjectMapper objectMapper;

  @Autowired
  TasklistLocaleTests(@LocalServerPort int port, ObjectMapper objectMapper) {
    this.http = HttpTestClient.onPort(port);
    this.objectMapper = objectMapper;
  }

  @Test
  void servedConfigOffersRussianWithEnglishAsFallback() throws Exception {
    Reply response = get(TASKLIST + "scripts/config.js");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    // the webjar's copy has the locales option commented out: this is the application's copy
    String config = response.body().replaceAll("\\s+", " ");
    assertThat(config)
        .contains("locales: { availableLocales: ['ru', 'en'], fallbackLocale: 'en' }")
        .contains("shortcuts:");
  }

  @Test
  void servedConfigLoadsTheModuleThatKeepsDatesInTheLanguageOfTheLabels() throws Exception {
    String config = get(TASKLIST + "scripts/config.js").body().replaceAll("\\s+", " ");
    Reply module = get(TASKLIST + "scripts/date-locale.js");

    assertThat(config)
        .contains("ngDeps: ['cam.tasklist.dateLocale', 'cam.tasklist.officials']")
        .contains("deps: ['date-locale', 'forms-ru']")
        .contains("'date-locale': 'scripts/date-locale'");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.body()).contains("angular.module('cam.tasklist.dateLocale'", "amMoment.changeLocale");
  }

  @Test
  void servedConfigLoadsTheOfficialsModuleAndTheStylesHideWhatIsNotTheirs() throws Exception {
    String config = get(TASKLIST + "scripts/config.js").body().replaceAll("\\s+", " ");
    Reply module = get(TASKLIST + "scripts/forms-ru.js");
    Reply styles = get(TASKLIST + "styles/user-styles.css");

    assertThat(config).contains("'forms-ru': 'scripts/forms-ru'");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.body()).contains("angular.module('cam.tasklist.officials'", "'Заполните поле.'", "sortBy: 'dueDate'");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.body()).contains(".ce-eol-banner", "li.create-task-action", ".tasks-list .task .priority");
  }

  @Test
  void servedRussianLocaleHasExactlyTheKeysOfCamundasEnglishOne() throws Exception {
    JsonNode russian = servedRussian();
    JsonNode english = webjarEnglish();

    assertThat(fieldNames(russian)).isEqualTo(fieldNames(english));
    assertThat(fieldNames(russian.path("labels"))).isEqualTo(fieldNames(english.path("labels"))).hasSizeGreaterThan(400);
    assertThat(fieldNames(russian.path("dateLocales"))).isEqualTo(fieldNames(english.path("dateLocales")));
  }

  @Test
  void everyPlaceholderOfAnEnglishLabelIsKeptInRussian() throws Exception {
    JsonNode russian = servedRussian().path("labels");

    for (Map.Entry<String, JsonNode> label : webjarEnglish().path("labels").properties()) {
      String translated = russian.path(label.getKey()).asText();
      Matcher placeholders = PLACEHOLDER.matcher(label.getValue().asText());
      while (placeholders.find()) {
        assertThat(translated).as(label.getKey()).contains(placeholders.group());
      }
    }
  }

  @Test
  void visibleLabelsAreRussian() throws Exception {
    JsonNode labels = servedRussian().path("labels");

    assertThat(labels.path("CLAIM_TASK").asText()).isEqualTo("Взять в работу");
    assertThat(labels.path("COMPLETE").asText()).isEqualTo("Завершить");
    assertThat(labels.path("FILTERS").asText()).isEqualTo("Фильтры");
    assertThat(labels.path("TASKS").asText()).isEqualTo("Задачи");
    assertThat(labels.path("START_PROCESS").asText()).isEqualTo("Запустить процесс");
    assertThat(labels.path("SIGN_OUT_ACTION").asText()).isEqualTo("Выйти");
    assertThat(labels.path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Войти");
  }

  @Test
  void englishStaysServedFromTheWebjar() throws Exception {
    assertThat(servedJson(TASKLIST + "locales/en.json")).isEqualTo(webjarEnglish());
  }

  // --- helpers -------------------------------------------------------------------------------

  private JsonNode servedRussian() throws Exception {
    return servedJson(TASKLIST + "locales/ru.json");
  }

  private JsonNode servedJson(String path) throws Exception {
    Reply response = http.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    // bytes, not a string: Jackson skips a byte order mark and fails on anything that is not JSON
    return objectMapper.readTree(response.bytes());
  }

  /** Camunda's English labels, read from the webjar on the classpath (the application has no en.json). */
  private JsonNode webjarEnglish() throws IOException {
    URL english = getClass().getClassLoader().getResource(WEBJAR_ENGLISH);
    assertThat(english).isNotNull();
    assertThat(english.toString()).contains("camunda-webapp-webjar");
    try (InputStream in = english.openStream()) {
      return objectMapper.readTree(in);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Reply get(String path) {
    return http.get(path);
  }
}
