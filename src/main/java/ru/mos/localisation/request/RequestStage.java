package ru.mos.localisation.request;

/** The step of the process a request is at, as the investor sees it. */
public enum RequestStage {
  REGISTRATION,
  DOCUMENTS,
  SCREENING,
  ASSESSMENT,
  ENVIRONMENTAL_REVIEW,
  SUPPORT_AND_SITE,
  FINAL_APPROVAL,
  DONE
}
