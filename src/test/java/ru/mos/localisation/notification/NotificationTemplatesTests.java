package ru.mos.localisation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.support.SupportMeasure;

/**
 * The letters as the templates write them, without Spring: each type in both languages, in words
 * (no code of an enum reaches the text), readable dates, HTML and plain text alike.
 */
class NotificationTemplatesTests {

  static final NotificationProperties PROPERTIES =
      new NotificationProperties(
          "no-reply@example.test",
          "example.test",
          ZoneId.of("Europe/Moscow"),
          "node",
          new NotificationProperties.Relay(true, Duration.ofSeconds(5), 50, 12, Duration.ofSeconds(30), Duration.ofMinutes(30)));

  private final NotificationTemplates templates = new NotificationTemplates(PROPERTIES);

  static final LocalisationRequest REQUEST =
      new LocalisationRequest(
          "LOC-2026-00042", "GP-1", "Ge Pai New Energy Co.", "CN", "91310000MA1FL0000X", "invest@example.cn",
          Sector.BATTERY_RECYCLING, "Li-ion battery recycling plant", null, 2_500_000_000L, 320, 30,
          new BigDecimal("5.00"), new BigDecimal("10.00"), 3, List.of(), List.of(), true, true,
          RequestStatus.IN_PROGRESS, RequestStage.DOCUMENTS, "investor", "pi", null, OffsetDateTime.now(), OffsetDateTime.now());

  /** 11 December 2026, 23:30 UTC: already the 12th in Moscow. */
  static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 11, 23, 30, 0, 0, ZoneId.of("UTC"));

  static final Notification.Site SITE =
      new Notification.Site("S-07", "Технополис «Москва»", "ЗелАО", new BigDecimal("5.50"), new BigDecimal("12.00"));

  /** One notification of each type, with what its letter must say in Russian and in English. */
  record Case(Notification notification, List<String> russian, List<String> english) {
    @Override
    public String toString() {
      return notification.type().name();
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(new Notification.RequestReceived(), List.of("зарегистрирована под номером LOC-2026-00042", "на рассмотрении"),
            List.of("registered under the number LOC-2026-00042", "under review")),
        new Case(
            new Notification.DocumentsMissing(
                List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY, DocumentType.LICENCES), DEADLINE),
            List.of("резюме оценки воздействия на окружающую среду", "лицензии", "до 12 декабря 2026 г."),
            List.of("environmental impact summary", "licences", "by 12 December 2026")),
        new Case(
            new Notification.ClosedDocumentsNotSupplied(List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY), 30),
            List.of("в течение 30 дней", "резюме оценки воздействия", "закрыта: документы не представлены"),
            List.of("within 30 days", "environmental impact summary", "closed, documents not supplied")),
        new Case(
            new Notification.SiteOffered(SITE, DEADLINE),
            List.of("Технополис «Москва» (S-07), ЗелАО", "площадь 5.5 га", "12 МВт", "до 12 декабря 2026 г."),
            List.of("Технополис «Москва» (S-07), ЗелАО", "area 5.5 ha", "12 MW", "by 12 December 2026")),
        new Case(
            new Notification.SiteOfferExpired(SITE, 14),
            List.of("Технополис «Москва» (S-07)", "в течение 14 дней"),
            List.of("Технополис «Москва» (S-07)", "within 14 days")),
        new Case(
            new Notification.SupportPackage(
                Arrays.stream(SupportMeasure.values()).map(Enum::name).toList(), "Стажировка 10 инженеров в Шанхае"),
            List.of("участие в бизнес-миссии", "участие в международной выставке", "сертификации", "экспортный кредит",
                "Стажировка 10 инженеров в Шанхае"),
            List.of("trade mission", "international fair", "certification", "an export credit", "Стажировка 10 инженеров")),
        new Case(
            new Notification.Approved("IA-2026-00042", SITE),
            List.of("одобрена", "IA-2026-00042", "Технополис «Москва» (S-07)"),
            List.of("approved", "IA-2026-00042", "Технополис «Москва» (S-07)")),
        new Case(
            new Notification.Rejected(RequestStage.ENVIRONMENTAL_REVIEW, "Класс опасности не допускается в зоне", false),
            List.of("отклонена на этапе «экологическая экспертиза»", "Класс опасности не допускается в зоне"),
            List.of("rejected at the stage \"environmental review\"", "Reason given by the officials", "Класс опасности")),
        new Case(
            new Notification.Rejected(RequestStage.SUPPORT_AND_SITE, null, true),
            List.of("нет свободной промышленной площадки"),
            List.of("no available industrial site")),
        new Case(
            new Notification.Withdrawn(RequestStage.ASSESSMENT, "Project postponed"),
            List.of("отозвана по вашей просьбе на этапе «рассмотрение заявки»", "Project postponed"),
            List.of("withdrawn at your request at the stage \"review of the request\"")),
        new Case(
            new Notification.Cancelled(RequestStage.ASSESSMENT),
            List.of("аннулирована администрацией города на этапе «рассмотрение заявки»"),
            List.of("cancelled by the city's administration")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachLetterSaysItInBothLanguagesInWords(Case example) {
    Letter letter = templates.write(REQUEST, example.notification());

    assertThat(letter.subject()).contains("Заявка LOC-2026-00042").contains("Request LOC-2026-00042");
    for (String body : List.of(letter.text(), unescaped(letter.html()))) {
      assertThat(body)
          .contains("Уважаемые представители компании Ge Pai New Energy Co.!")
          .contains("Dear representatives of Ge Pai New Energy Co.,")
          .contains(example.russian())
          .contains(example.english());
      // Russian first
      assertThat(body.indexOf("Уважаемые")).isLessThan(body.indexOf("Dear"));
      assertThat(body).doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b").doesNotContain("??");
    }
    assertThat(letter.html()).startsWith("<!DOCTYPE html>").contains("lang=\"ru\"", "lang=\"en\"");
    assertThat(letter.text()).doesNotContain("<p>", "<li>");
  }

  @Test
  void whatInvestorsAndOfficialsWriteIsEscapedInTheHtml() {
    Letter letter =
        templates.write(REQUEST, new Notification.Withdrawn(RequestStage.ASSESSMENT, "<script>alert(1)</script>"));

    assertThat(letter.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(letter.text()).contains("<script>alert(1)</script>");
  }

  @Test
  void everyCodeALetterMentionsHasItsWordsInBothLanguages() {
    for (var language : NotificationTemplates.LANGUAGES) {
      Stream.of(
              Arrays.stream(DocumentType.values()).map(type -> "document." + type),
              Arrays.stream(SupportMeasure.values()).map(measure -> "measure." + measure),
              Arrays.stream(RequestStage.values()).map(stage -> "stage." + stage),
              Arrays.stream(RequestStatus.values()).map(status -> "status." + status),
              Arrays.stream(NotificationType.values()).map(type -> "subject." + type))
          .flatMap(keys -> keys)
          .forEach(
              key ->
                  assertThatCode(() -> assertThat(templates.word(key, language)).isNotBlank())
                      .as("%s in %s", key, language)
                      .doesNotThrowAnyException());
    }
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&laquo;", "«").replace("&raquo;", "»");
  }

  public static void main(String[] args) {
    NotificationTemplates templates = new NotificationTemplates(PROPERTIES);
    cases().forEach(c -> {
      Letter l = templates.write(REQUEST, c.notification());
      System.out.println("=== " + l.subject() + "\n" + l.text() + "\n" + l.html());
    });
  }
}
