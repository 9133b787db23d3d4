package ru.mos.localisation.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.LocalisationRequest;

/**
 * The outbox of notifications to investors. A notification is written, as the letter that will be
 * sent (from {@link NotificationTemplates}), in the same transaction as the step that causes it, so
 * it exists exactly when the step committed; {@link NotificationRelay} sends it.
 */
@Component
public class InvestorNotifications {

  private final JdbcClient jdbc;
  private final NotificationTemplates templates;
  private final Clock clock;

  public InvestorNotifications(JdbcClient jdbc, NotificationTemplates templates, Clock clock) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.clock = clock;
  }

  /** Tells the request's investor, at its contact address, what the notification says. */
  public void notify(LocalisationRequest request, Notification notification) {
    Letter letter = templates.write(request, notification);
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            INSERT INTO investor_notification
              (request_number, recipient, type, subject, body, body_html, created_at, status, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)
            """)
        .params(
            request.number(),
            request.investorContactEmail(),
            notification.type().name(),
            letter.subject(),
            letter.text(),
            letter.html(),
            now,
            now)
        .update();
  }
}
