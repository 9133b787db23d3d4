package ru.mos.localisation.notification.web;

import java.time.OffsetDateTime;
import java.util.List;
import ru.mos.localisation.notification.NotificationStatus;
import ru.mos.localisation.notification.NotificationType;

/** What the investor was told about a request, oldest first: {@code {"notifications": [...]}}. */
public record NotificationsView(List<Item> notifications) {

  /**
   * One notification: its delivery {@code status} ({@code PENDING} while it waits or is retried,
   * {@code SENT}, {@code FAILED} when its attempts are used up and the city's operators retry it),
   * when it was written, when it was sent, and how many attempts it took.
   */
  public record Item(
      long id,
      NotificationType type,
      String subject,
      String recipient,
      NotificationStatus status,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt,
      int attempts,
      OffsetDateTime lastAttemptAt) {}
}
