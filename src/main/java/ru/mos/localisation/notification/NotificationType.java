package ru.mos.localisation.notification;

/** Why the investor is being told something. */
public enum NotificationType {
  DOCUMENTS_MISSING,
  CLOSED_DOCUMENTS_NOT_SUPPLIED,
  REJECTED,
  APPROVED
}
