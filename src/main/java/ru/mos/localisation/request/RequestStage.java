package ru.mos.localisation.request;

/**
 * The step of the process a request is at. The registry holds the true stage; the investor is told
 * {@link #asSeenByInvestor()}.
 */
public enum RequestStage {
  REGISTRATION,
  DOCUMENTS,
  SCREENING,
  ASSESSMENT,
  ENVIRONMENTAL_REVIEW,
  SUPPORT_AND_SITE,
  FINAL_APPROVAL,
  DONE;

  /**
   * The stage as the investor is told it. Screening, and a compliance review of a hit, are checks
   * the investor must not learn of (a listed investor would be tipped off, also by a request that
   * stays "in screening" for days): the investor reads them as the review of the request.
   */
  public RequestStage asSeenByInvestor() {
    return this == SCREENING ? ASSESSMENT : this;
  }
}
