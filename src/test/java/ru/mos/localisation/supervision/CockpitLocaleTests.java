package ru.mos.localisation.supervision;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;

/**
 * Cockpit and Admin in Russian, as the browser fetches them: the application's {@code config.js}
 * offers Russian with English as the fallback (Cockpit's also loads the supervision plugin), its
 * {@code ru.json} translates every key of Camunda's own {@code en.json} and keeps every placeholder,
 * and the user styles hide Camunda 7 Community's end-of-life banner.
 */
@ApplicationTest
class CockpitLocaleTests {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

  private final HttpTestClient http;
  private final ObjectMapper objectMapper;

  @Autowired
  CockpitLocaleTests(@LocalServerPort int port, ObjectMapper objectMapper) {
    this.http = HttpTestClient.onPort(port);
    this.objectMapper = objectMapper;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin"})
  void servedConfigOffersRussianWithEnglishAsFallback(String app) {
    String config = get("/camunda/app/" + app + "/scripts/config.js").body().replaceAll("\\s+", " ");

    assertThat(config).contains("locales: { availableLocales: ['ru', 'en'], fallbackLocale: 'en' }");
    if (app.equals("cockpit")) {
      assertThat(config).contains("customScripts: ['scripts/supervision/supervision.js']");
      Reply plugin = get("/camunda/app/cockpit/scripts/supervision/supervision.js");
      assertThat(plugin.body()).contains("pluginPoint: 'cockpit.navigation'", "pluginPoint: 'cockpit.route'", "pluginPoint: 'cockpit.dashboard'");
      assertThat(get("/camunda/app/cockpit/scripts/supervision/vendor/bpmn-navigated-viewer.production.min.js").body()).startsWith("/*! bpmn-js");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin"})
  void russianHasExactlyTheKeysOfCamundasEnglishAndKeepsEveryPlaceholder(String app) throws Exception {
    JsonNode russian = servedJson("/camunda/app/" + app + "/locales/ru.json");
    JsonNode english = webjarEnglish(app);

    assertThat(fieldNames(russian)).isEqualTo(fieldNames(english));
    assertThat(fieldNames(russian.path("labels"))).isEqualTo(fieldNames(english.path("labels")));
    assertThat(fieldNames(russian.path("dateLocales"))).isEqualTo(fieldNames(english.path("dateLocales")));
    int untranslated = 0;
    for (Map.Entry<String, JsonNode> label : english.path("labels").properties()) {
      String translated = russian.path("labels").path(label.getKey()).asText();
      Matcher placeholders = PLACEHOLDER.matcher(label.getValue().asText());
      while (placeholders.find()) {
        assertThat(translated).as(label.getKey()).contains(placeholders.group());
      }
      if (translated.equals(label.getValue().asText()) && label.getValue().asText().matches(".*[a-z]{4,}.*")) {
        untranslated++;
      }
    }
    // what stays as it is are names: Camunda, Cockpit, Optimize, the variable types (String, Boolean …)
    // the engine itself names, <null> and a request's raw payload (13 of 2,460 in Cockpit, 10 of 575 in Admin)
    assertThat(untranslated).as(app + ": labels still in English").isLessThanOrEqualTo(13);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "welcome", "tasklist"})
  void theEndOfLifeBannerIsHidden(String app) {
    assertThat(get("/camunda/app/" + app + "/styles/user-styles.css").body().replaceAll("\\s+", " "))
        .contains(".ce-eol-banner { display: none !important; }");
  }

  @org.junit.jupiter.api.Test
  void cockpitsVisibleLabelsAreRussian() throws Exception {
    JsonNode labels = servedJson("/camunda/app/cockpit/locales/ru.json").path("labels");

    assertThat(labels.path("COCKPIT_PROCESSES").asText()).isEqualTo("Процессы");
    assertThat(labels.path("COCKPIT_HUMAN_TASKS").asText()).isEqualTo("Задачи");
    assertThat(labels.path("DASHBOARD_OPEN_HUMAN_TASKS").asText()).isEqualTo("Открытые задачи");
    assertThat(labels.path("DASHBOARD_RIGHT_NOW").asText()).isEqualTo("Сейчас");
  }

  private Reply get(String path) {
    Reply reply = http.get(path);
    assertThat(reply.statusCode()).as(path).isEqualTo(200);
    return reply;
  }

  private JsonNode servedJson(String path) throws IOException {
    return objectMapper.readTree(get(path).bytes());
  }

  private JsonNode webjarEnglish(String app) throws IOException {
    URL english = getClass().getClassLoader().getResource("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
    assertThat(english).isNotNull();
    try (InputStream in = english.openStream()) {
      return objectMapper.readTree(in);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
