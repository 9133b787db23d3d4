package ru.mos.localisation.request;

/** Where a request stands as a whole; every value but IN_PROGRESS is final. */
public enum RequestStatus {
  IN_PROGRESS,
  APPROVED,
  REJECTED,
  WITHDRAWN,
  CLOSED_DOCUMENTS_NOT_SUPPLIED,
  /** An administrator cancelled the request's process (Cockpit, REST); the reason is on the timeline. */
  CANCELLED
}
