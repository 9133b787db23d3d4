package ru.mos.localisation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.mos.localisation.ApplicationTest;
import ru.mos.localisation.HttpTestClient;
import ru.mos.localisation.HttpTestClient.Reply;
import ru.mos.localisation.TestRequests;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.support.SupportMeasure;

/**
 * Letters leave by e-mail, to a real SMTP server (GreenMail on the port the context's
 * {@code spring.mail.port} names): every type at the request's contact address in both languages;
 * the server down and back up; attempts used up, then an operator's retry; a crash between the
 * server's acceptance and the commit. The relay is driven by the test ({@link NotificationRelay#relayDue}),
 * as the shared context's scheduling is off; each test's letters go to a domain of its own.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class NotificationDeliveryTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Autowired IntakeService intake;
  @Autowired InvestorNotifications notifications;
  @Autowired NotificationRelay relay;
  @Autowired NotificationProperties properties;
  @Autowired MailProperties mail;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  private GreenMail smtp;

  @BeforeAll
  void startMailServer() {
    smtp = startSmtp();
  }

  /** Sends what other tests of the shared context left waiting, so that each test's letters are the only due ones. */
  @BeforeEach
  void nothingElseDue() {
    await().atMost(TIMEOUT).until(() -> relay.relayDue() == 0);
  }

  @AfterAll
  void stopMailServer() {
    smtp.stop();
  }

  private GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(mail.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  @Test
  void everyTypeArrivesAtTheContactAddressInBothLanguagesInWords() {
    String domain = domain();
    LocalisationRequest request = file("every-type@" + domain);
    ZonedDateTime deadline = ZonedDateTime.parse("2026-12-11T23:30:00Z");
    Notification.Site site =
        new Notification.Site("S-07", "Технополис «Москва»", "ЗелАО", new BigDecimal("5.00"), new BigDecimal("12.00"));
    List<Notification> told =
        List.of(
            new Notification.DocumentsMissing(List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY), deadline),
            new Notification.ClosedDocumentsNotSupplied(List.of(DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY), 30),
            new Notification.SiteOffered(site, deadline),
            new Notification.SiteOfferExpired(site, 14),
            new Notification.SupportPackage(List.of(SupportMeasure.EXPORT_CREDIT.name()), "Стажировка инженеров"),
            new Notification.Approved("IA-2026-00001", site),
            new Notification.Rejected(RequestStage.FINAL_APPROVAL, "Проект не соответствует программе", false),
            new Notification.Withdrawn(RequestStage.ASSESSMENT, "Project postponed"),
            new Notification.Cancelled(RequestStage.ASSESSMENT));
    new TransactionTemplate(transactions).executeWithoutResult(status -> told.forEach(n -> notifications.notify(request, n)));

    relayUntilSent(request.number());

    List<ReceivedLetter> letters = lettersTo(domain);
    // the letter of its registration, then one per notification, each once
    assertThat(letters).hasSize(NotificationType.values().length);
    assertThat(letters).allSatisfy(letter -> {
      assertThat(letter.to()).containsExactly("every-type@" + domain);
      assertThat(letter.from()).isEqualTo(properties.from());
      assertThat(letter.requestNumber()).isEqualTo(request.number());
      assertThat(letter.subject()).contains("Заявка " + request.number(), "Request " + request.number());
      assertThat(letter.text()).contains("Уважаемые представители компании", "Dear representatives of");
      assertThat(letter.html()).contains("lang=\"ru\"", "lang=\"en\"", "Уважаемые представители компании");
      assertThat(letter.text()).doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");
      assertThat(letter.messageId()).matches("<notification-\\d+\\." + request.number() + "@" + properties.messageIdDomain() + ">");
    });
    assertThat(letters).extracting(ReceivedLetter::messageId).doesNotHaveDuplicates();
    assertThat(textOf(letters, "зарегистрирована")).contains("под номером " + request.number(), "registered under the number");
    assertThat(textOf(letters, "нужны документы"))
        .contains("резюме оценки воздействия на окружающую среду", "до 12 декабря 2026 г.", "environmental impact summary", "by 12 December 2026");
    assertThat(textOf(letters, "вам предложена"))
        .contains("Технополис «Москва» (S-07), ЗелАО", "площадь 5 га", "до 12 декабря 2026 г.", "by 12 December 2026", "area 5 ha");
    assertThat(textOf(letters, "одобрена")).contains("IA-2026-00001", "Технополис «Москва» (S-07)", "Investment agreement number: IA-2026-00001");
    assertThat(textOf(letters, "отклонена"))
        .contains("на этапе «окончательное решение»", "Проект не соответствует программе", "at the stage \"final decision\"");
    assertThat(textOf(letters, "меры поддержки")).contains("экспортный кредит", "an export credit", "Стажировка инженеров");

    // the rows say so, with time and attempts
    assertThat(jdbc.sql("SELECT status, attempts, sent_at, message_id FROM investor_notification WHERE request_number = ?")
            .param(request.number()).query().listOfRows())
        .allSatisfy(row -> {
          assertThat(row.get("status")).isEqualTo("SENT");
          assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
          assertThat(row.get("sent_at")).isNotNull();
          assertThat(row.get("message_id")).isNotNull();
        });
  }

  @Test
  void aRequestFiledOverTheApiIsConfirmedByMailAndListedForItsInvestorOnly() throws Exception {
    String domain = domain();
    HttpTestClient investor = HttpTestClient.onPort(port).as("investor", "demo");
    Reply filed =
        investor.post(
            "/api/v1/localisation-requests",
            TestRequests.recyclingPlantJson("MAIL-API-" + UUID.randomUUID()).replace("invest@example.cn", "api@" + domain));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("number").asText();
    String path = "/api/v1/localisation-requests/" + number + "/notifications";

    Reply pending = investor.get(path);
    assertThat(pending.statusCode()).isEqualTo(200);
    assertThat(pending.json().path("notifications").get(0).path("type").asText()).isEqualTo("REQUEST_RECEIVED");
    assertThat(pending.json().path("notifications").get(0).path("status").asText()).isEqualTo("PENDING");

    relayUntilSent(number);

    assertThat(lettersTo(domain)).singleElement().satisfies(letter -> assertThat(letter.to()).containsExactly("api@" + domain));
    Reply sent = investor.get(path);
    var item = sent.json().path("notifications").get(0);
    assertThat(item.path("status").asText()).isEqualTo("SENT");
    assertThat(item.path("attempts").asInt()).isEqualTo(1);
    assertThat(item.path("sentAt").asText()).isNotBlank();
    assertThat(item.path("subject").asText()).contains(number);
    // another investor's request is unknown to them; no credentials, no list
    assertThat(HttpTestClient.onPort(port).as("investor2", "demo").get(path).statusCode()).isEqualTo(404);
    assertThat(HttpTestClient.onPort(port).get(path).statusCode()).isEqualTo(401);
    assertThat(HttpTestClient.onPort(port).as("admin", "admin").get(path).statusCode()).isEqualTo(403);
    // and the published API document describes it
    assertThat(investor.get("/api/v1/openapi").json().path("paths").has("/api/v1/localisation-requests/{number}/notifications"))
        .isTrue();
  }

  @Test
  void whileTheServerIsDownLettersWaitAndAreRetriedThenEachArrivesOnce() {
    String domain = domain();
    smtp.stop();
    List<String> numbers;
    try {
      numbers = List.of(file("a@" + domain).number(), file("b@" + domain).number(), file("c@" + domain).number());

      relay.relayDue();
      for (String number : numbers) {
        Map<String, Object> row = row(number);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat((OffsetDateTime) row.get("next_attempt_at")).isAfter((OffsetDateTime) row.get("last_attempt_at"));
      }
      // retried with back-off while the server stays down
      await().atMost(TIMEOUT).until(() -> {
        relay.relayDue();
        return numbers.stream().allMatch(number -> ((Number) row(number).get("attempts")).intValue() >= 2);
      });
      assertThat(numbers).allSatisfy(number -> assertThat(row(number).get("status")).isEqualTo("PENDING"));
    } finally {
      smtp = startSmtp();
    }

    numbers.forEach(this::relayUntilSent);

    List<ReceivedLetter> letters = lettersTo(domain);
    assertThat(letters).hasSize(3);
    assertThat(letters).extracting(ReceivedLetter::requestNumber).containsExactlyInAnyOrderElementsOf(numbers);
    assertThat(numbers).allSatisfy(number -> {
      assertThat(row(number).get("status")).isEqualTo("SENT");
      assertThat(((Number) row(number).get("attempts")).intValue()).isGreaterThanOrEqualTo(3);
      assertThat(row(number).get("last_error")).isNull();
    });
  }

  @Test
  void afterTheLastAttemptALetterIsFailedLoggedCountedAndAnOperatorRetriesIt(CapturedOutput output) {
    String domain = domain();
    String number;
    smtp.stop();
    try {
      number = file("failing@" + domain).number();
      await().atMost(TIMEOUT).until(() -> {
        relay.relayDue();
        return "FAILED".equals(row(number).get("status"));
      });
    } finally {
      smtp = startSmtp();
    }
    assertThat(((Number) row(number).get("attempts")).intValue()).isEqualTo(properties.relay().maxAttempts());
    assertThat(row(number).get("failed_at")).isNotNull();
    assertThat(output).containsPattern("Notification \\d+ \\(REQUEST_RECEIVED\\) of request " + number + " to failing@" + domain + " FAILED after 4 attempts");
    assertThat(meters.get("localisation.notifications").tag("status", "FAILED").gauge().value()).isGreaterThanOrEqualTo(1);

    // a FAILED letter is not retried by itself
    relay.relayDue();
    assertThat(lettersTo(domain)).isEmpty();

    HttpTestClient operators = HttpTestClient.onPort(port);
    Reply list = operators.as("admin", "admin").get("/actuator/notifications");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(number);
    assertThat(HttpTestClient.onPort(port).as("investor", "demo").post("/actuator/notifications", "{}").statusCode()).isEqualTo(403);
    assertThat(HttpTestClient.onPort(port).post("/actuator/notifications", "{}").statusCode()).isEqualTo(401);
    Reply retried = HttpTestClient.onPort(port).as("admin", "admin").post("/actuator/notifications", "{\"number\": \"" + number + "\"}");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().path("retried").asInt()).isEqualTo(1);

    relayUntilSent(number);
    assertThat(lettersTo(domain)).singleElement().satisfies(letter -> assertThat(letter.requestNumber()).isEqualTo(number));
    assertThat(((Number) row(number).get("attempts")).intValue()).isEqualTo(properties.relay().maxAttempts() + 1);
  }

  /**
   * The server accepted the letter, then the node died before its transaction committed: the row
   * is still pending and the letter goes again, with the same Message-ID, by which the repeat is
   * recognisable. (At-least-once; the only window is between the server's answer and the commit.)
   */
  @Test
  void aCrashBetweenSendingAndCommittingSendsTheLetterAgainWithTheSameMessageId() {
    String domain = domain();
    String number = file("crash@" + domain).number();

    // the node sends the letter, then dies before its transaction commits
    TransactionTemplate dying = new TransactionTemplate(transactions);
    assertThatThrownBy(
            () ->
                dying.executeWithoutResult(
                    status -> {
                      assertThat(relay.relayOne()).isTrue();
                      throw new IllegalStateException("node died before the commit");
                    }))
        .hasMessage("node died before the commit");
    assertThat(lettersTo(domain)).hasSize(1);
    assertThat(row(number).get("status")).isEqualTo("PENDING");
    assertThat(((Number) row(number).get("attempts")).intValue()).isZero();

    relayUntilSent(number);

    List<ReceivedLetter> letters = lettersTo(domain);
    assertThat(letters).hasSize(2);
    assertThat(letters.get(1).messageId()).isEqualTo(letters.get(0).messageId());
    assertThat(row(number).get("message_id")).isEqualTo(letters.get(0).messageId());
    assertThat(((Number) row(number).get("attempts")).intValue()).isEqualTo(1);
  }

  // --- helpers -----------------------------------------------------------------------------

  private static String domain() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".example";
  }

  private LocalisationRequest file(String contactEmail) {
    return intake
        .submit(TestRequests.recyclingPlantWithContact("MAIL-" + UUID.randomUUID(), contactEmail), "investor")
        .request();
  }

  private void relayUntilSent(String number) {
    await("letters of " + number + " sent").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
      relay.relayDue();
      return jdbc.sql("SELECT COUNT(*) FROM investor_notification WHERE request_number = ? AND status <> 'SENT'")
          .param(number).query(Long.class).single() == 0;
    });
  }

  private List<ReceivedLetter> lettersTo(String domain) {
    return ReceivedLetter.all(smtp.getReceivedMessagesForDomain(domain));
  }

  /** The request's first notification, its column names in lower case (H2 answers in upper case). */
  private Map<String, Object> row(String number) {
    Map<String, Object> row = new HashMap<>();
    jdbc.sql("SELECT * FROM investor_notification WHERE request_number = ? ORDER BY id")
        .param(number)
        .query()
        .listOfRows()
        .get(0)
        .forEach((column, value) -> row.put(column.toLowerCase(Locale.ROOT), value));
    return row;
  }

  private static String textOf(List<ReceivedLetter> letters, String subjectPart) {
    return letters.stream()
        .filter(letter -> letter.subject().contains(subjectPart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no letter about " + subjectPart))
        .text();
  }
}
