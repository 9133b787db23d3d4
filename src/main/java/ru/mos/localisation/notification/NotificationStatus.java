package ru.mos.localisation.notification;

/** Where a notification's delivery stands. */
public enum NotificationStatus {
  /** Waiting for its first attempt or for a retry. */
  PENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Its attempts are used up; it waits for an operator's retry. */
  FAILED
}
