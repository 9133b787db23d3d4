package ru.mos.localisation.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox by e-mail. Each letter is claimed, sent and marked in one database transaction:
 * the claim is {@code SELECT … FOR UPDATE SKIP LOCKED}, so on a cluster each node takes letters no
 * other node holds and none is sent by two nodes; a letter whose transaction ends without a commit
 * (a crash after the mail server accepted it) stays pending and is sent again, with the same
 * Message-ID, so the repeat is recognisable (README, Notifications).
 *
 * <p>A failed attempt waits before the next, doubling from {@code first-retry} up to
 * {@code max-retry}; after {@code max-attempts} the letter is FAILED: logged as an error with the
 * registry number, counted by the gauge {@code localisation.notifications{status="FAILED"}}, and
 * retried by an operator ({@link NotificationsEndpoint}). Without a mail server configured
 * ({@code spring.mail.host}) letters wait.
 */
@Component
public class NotificationRelay {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);
  private static final int MAX_ERROR = 1000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final Clock clock;
  private final Counter sent;
  private final Counter retried;
  private final Counter failed;

  public NotificationRelay(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ObjectProvider<JavaMailSender> mailSender,
      NotificationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
    this.sent = attempts(meters, "sent");
    this.retried = attempts(meters, "retry");
    this.failed = attempts(meters, "failed");
    for (NotificationStatus status : new NotificationStatus[] {NotificationStatus.PENDING, NotificationStatus.FAILED}) {
      Gauge.builder("localisation.notifications", () -> count(status))
          .description("Notifications to investors by delivery status")
          .tag("status", status.name())
          .register(meters);
    }
  }

  private static Counter attempts(MeterRegistry meters, String outcome) {
    return Counter.builder("localisation.notifications.attempts")
        .description("Attempts to send a notification to an investor, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Whether letters can leave at all: a mail server is configured. */
  public boolean mailServerConfigured() {
    return mailSender.getIfAvailable() != null;
  }

  /**
   * Sends the letters that are due, up to a batch, each in its own transaction. Only those due when
   * the poll began: a letter that fails now waits for a later poll, however short its wait.
   *
   * @return how many were attempted
   */
  public int relayDue() {
    if (!mailServerConfigured()) {
      return 0;
    }
    OffsetDateTime dueBy = OffsetDateTime.now(clock);
    int attempted = 0;
    while (attempted < properties.relay().batchSize() && relayOne(dueBy)) {
      attempted++;
    }
    return attempted;
  }

  /**
   * Claims one due letter that no other transaction holds, sends it and records the outcome, in
   * the caller's transaction if there is one, else in a new one.
   *
   * @return whether there was a letter to send
   */
  public boolean relayOne() {
    return relayOne(OffsetDateTime.now(clock));
  }

  private boolean relayOne(OffsetDateTime dueBy) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return false;
    }
    return Boolean.TRUE.equals(transaction.execute(status -> claimDue(dueBy).map(row -> send(sender, row)).isPresent()));
  }

  private Optional<OutboxRow> claimDue(OffsetDateTime dueBy) {
    return jdbc.sql(
            """
            SELECT id, request_number, recipient, type, subject, body, body_html, attempts
            FROM investor_notification
            WHERE status = 'PENDING' AND next_attempt_at <= ?
            ORDER BY next_attempt_at, id
            FETCH FIRST 1 ROWS ONLY
            FOR UPDATE SKIP LOCKED
            """)
        .param(dueBy)
        .query(
            (rs, rowNum) ->
                new OutboxRow(
                    rs.getLong("id"),
                    rs.getString("request_number"),
                    rs.getString("recipient"),
                    rs.getString("type"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getString("body_html"),
                    rs.getInt("attempts")))
        .optional();
  }

  private OutboxRow send(JavaMailSender sender, OutboxRow row) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int attempts = row.attempts() + 1;
    String messageId = messageId(row);
    try {
      sender.send(message(sender, row, messageId, now));
    } catch (MailException | MessagingException e) {
      recordFailure(row, attempts, now, e);
      return row;
    }
    jdbc.sql(
            """
            UPDATE investor_notification
            SET status = 'SENT', sent_at = ?, attempts = ?, last_attempt_at = ?, message_id = ?, sent_by = ?,
                last_error = NULL, next_attempt_at = NULL
            WHERE id = ?
            """)
        .params(now, attempts, now, messageId, properties.nodeName(), row.id())
        .update();
    sent.increment();
    if (attempts > 1) {
      LOG.info("Notification {} ({}) of request {} sent after {} attempts", row.id(), row.type(), row.requestNumber(), attempts);
    }
    return row;
  }

  private void recordFailure(OutboxRow row, int attempts, OffsetDateTime now, Exception e) {
    String error = describe(e);
    if (attempts >= properties.relay().maxAttempts()) {
      jdbc.sql(
              """
              UPDATE investor_notification
              SET status = 'FAILED', attempts = ?, last_attempt_at = ?, failed_at = ?, last_error = ?, next_attempt_at = NULL
              WHERE id = ?
              """)
          .params(attempts, now, now, error, row.id())
          .update();
      failed.increment();
      LOG.error(
          "Notification {} ({}) of request {} to {} FAILED after {} attempts, an operator retries it "
              + "(POST /actuator/notifications): {}",
          row.id(), row.type(), row.requestNumber(), row.recipient(), attempts, error);
      return;
    }
    Duration wait = properties.relay().backoffAfter(attempts);
    jdbc.sql(
            """
            UPDATE investor_notification
            SET attempts = ?, last_attempt_at = ?, last_error = ?, next_attempt_at = ?
            WHERE id = ?
            """)
        .params(attempts, now, error, now.plus(wait), row.id())
        .update();
    retried.increment();
    LOG.warn(
        "Notification {} ({}) of request {} not sent (attempt {} of {}), next attempt in {}: {}",
        row.id(), row.type(), row.requestNumber(), attempts, properties.relay().maxAttempts(), wait, error);
  }

  private MimeMessage message(JavaMailSender sender, OutboxRow row, String messageId, OffsetDateTime now)
      throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(row.recipient());
    helper.setSubject(row.subject());
    helper.setSentDate(Date.from(now.toInstant()));
    if (row.bodyHtml() == null) {
      helper.setText(row.body(), false);
    } else {
      helper.setText(row.body(), row.bodyHtml());
    }
    // kept by JavaMailSenderImpl through saveChanges(): the same letter always has the same id
    message.setHeader("Message-ID", messageId);
    message.setHeader("X-Localisation-Request", row.requestNumber());
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  /** The letter's Message-ID: the same for every attempt, so a repeat is recognisable. */
  String messageId(OutboxRow row) {
    return "<notification-%d.%s@%s>".formatted(row.id(), row.requestNumber(), properties.messageIdDomain());
  }

  private long count(NotificationStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM investor_notification WHERE status = ?")
        .param(status.name())
        .query(Long.class)
        .single();
  }

  private static String describe(Exception e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    String error = text.toString().replaceAll("\\s+", " ");
    return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
  }

  /** One letter of the outbox as the relay reads it. */
  record OutboxRow(
      long id,
      String requestNumber,
      String recipient,
      String type,
      String subject,
      String body,
      String bodyHtml,
      int attempts) {}
}
