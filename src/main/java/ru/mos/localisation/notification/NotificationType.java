package ru.mos.localisation.notification;

import ru.mos.localisation.request.RequestStatus;

/** Why the investor is being told something, and where the request stands once told. */
public enum NotificationType {
  REQUEST_RECEIVED(RequestStatus.IN_PROGRESS),
  DOCUMENTS_MISSING(RequestStatus.IN_PROGRESS),
  CLOSED_DOCUMENTS_NOT_SUPPLIED(RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED),
  SITE_OFFERED(RequestStatus.IN_PROGRESS),
  SITE_OFFER_EXPIRED(RequestStatus.IN_PROGRESS),
  SUPPORT_PACKAGE_REGISTERED(RequestStatus.IN_PROGRESS),
  REJECTED(RequestStatus.REJECTED),
  APPROVED(RequestStatus.APPROVED),
  WITHDRAWN(RequestStatus.WITHDRAWN),
  CANCELLED(RequestStatus.CANCELLED);

  private final RequestStatus status;

  NotificationType(RequestStatus status) {
    this.status = status;
  }

  /** The request's status the letter reports. */
  public RequestStatus status() {
    return status;
  }
}
