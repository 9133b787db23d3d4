package ru.mos.localisation.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.LocalisationRequest;

/**
 * The outbox of notifications to investors. A notification is written in the same transaction
 * as the step that causes it, so it exists exactly when the step committed; a relay sends it.
 */
@Component
public class InvestorNotifications {

  private final JdbcClient jdbc;
  private final Clock clock;

  public InvestorNotifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void notify(LocalisationRequest request, NotificationType type, String subject, String body) {
    jdbc.sql(
            """
            INSERT INTO investor_notification (request_number, recipient, type, subject, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            request.number(),
            request.investorContactEmail(),
            type.name(),
            subject,
            body,
            OffsetDateTime.now(clock))
        .update();
  }
}
