package ru.mos.localisation.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The operators' view of deliveries ({@code /actuator/notifications}, administrators only): the
 * letters whose attempts are used up, and their retry. {@code GET} lists the FAILED letters;
 * {@code POST} with {@code {"number": "LOC-…"}} (or an empty body: all of them) makes them due again,
 * for one more attempt each.
 */
@Component
@Endpoint(id = "notifications")
public class NotificationsEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationsEndpoint.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  public NotificationsEndpoint(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A letter that could not be delivered. */
  public record FailedNotification(
      long id,
      String number,
      String type,
      String recipient,
      int attempts,
      OffsetDateTime lastAttemptAt,
      String lastError) {}

  @ReadOperation
  public Map<String, List<FailedNotification>> failed() {
    return Map.of(
        "failed",
        jdbc.sql(
                """
                SELECT id, request_number, type, recipient, attempts, last_attempt_at, last_error
                FROM investor_notification WHERE status = 'FAILED' ORDER BY id FETCH FIRST 1000 ROWS ONLY
                """)
            .query(
                (rs, rowNum) ->
                    new FailedNotification(
                        rs.getLong("id"),
                        rs.getString("request_number"),
                        rs.getString("type"),
                        rs.getString("recipient"),
                        rs.getInt("attempts"),
                        rs.getObject("last_attempt_at", OffsetDateTime.class),
                        rs.getString("last_error")))
            .list());
  }

  /** Makes the FAILED letters of one request (or all) due again; answers how many. */
  @WriteOperation
  public Map<String, Integer> retry(@Nullable String number) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int retried =
        number == null || number.isBlank()
            ? jdbc.sql(
                    """
                    UPDATE investor_notification SET status = 'PENDING', next_attempt_at = ?, failed_at = NULL
                    WHERE status = 'FAILED'
                    """)
                .param(now)
                .update()
            : jdbc.sql(
                    """
                    UPDATE investor_notification SET status = 'PENDING', next_attempt_at = ?, failed_at = NULL
                    WHERE status = 'FAILED' AND request_number = ?
                    """)
                .params(now, number.strip())
                .update();
    LOG.info("An operator retried {} failed notification(s){}", retried, number == null ? "" : " of request " + number);
    return Map.of("retried", retried);
  }
}
