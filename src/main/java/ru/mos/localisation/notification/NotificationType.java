package ru.mos.localisation.notification;

/** Why the investor is being told something. */
public enum NotificationType {
  DOCUMENTS_MISSING,
  CLOSED_DOCUMENTS_NOT_SUPPLIED,
  SITE_OFFERED,
  SITE_OFFER_EXPIRED,
  SUPPORT_PACKAGE_REGISTERED,
  REJECTED,
  APPROVED,
  WITHDRAWN,
  CANCELLED
}
