package ru.mos.localisation.notification.web;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.OffsetDateTime;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.notification.NotificationStatus;
import ru.mos.localisation.notification.NotificationType;
import ru.mos.localisation.request.web.RequestViews;

/** The investor API: what the investor was told about their request, so a portal can show it. */
@RestController
public class NotificationsController {

  private final RequestViews views;
  private final JdbcClient jdbc;

  public NotificationsController(RequestViews views, JdbcClient jdbc) {
    this.views = views;
    this.jdbc = jdbc;
  }

  /** The request's notifications with their delivery status and times; another investor's request is 404. */
  @GetMapping(path = RequestViews.PATH + "/{number}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  public NotificationsView listNotifications(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number, Principal investor) {
    views.owned(number, investor);
    return new NotificationsView(
        jdbc.sql(
                """
                SELECT id, type, subject, recipient, status, created_at, sent_at, attempts, last_attempt_at
                FROM investor_notification WHERE request_number = ? ORDER BY id
                """)
            .param(number)
            .query(
                (rs, rowNum) ->
                    new NotificationsView.Item(
                        rs.getLong("id"),
                        NotificationType.valueOf(rs.getString("type")),
                        rs.getString("subject"),
                        rs.getString("recipient"),
                        NotificationStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"),
                        rs.getObject("last_attempt_at", OffsetDateTime.class)))
            .list());
  }
}
