package ru.mos.localisation.outcome;

/**
 * The officials' decisions a rejection can come from, as the process holds them, and what the
 * investor is told of them: the words of the official whose decision rejected the request. A
 * rejection after a confirmed screening hit has none the investor may read (they must not learn of
 * the screening), nor has an unknown path.
 */
public record RejectionGrounds(
    String assessmentDecision,
    String assessmentComment,
    String environmentalDecision,
    String environmentalConditions,
    String noSiteDecision,
    String finalDecision,
    String finalComment) {

  private static final String REJECT = "REJECT";

  /** None known: the investor is told no reason. */
  public static RejectionGrounds none() {
    return new RejectionGrounds(null, null, null, null, null, null, null);
  }

  /** The officials' own words that go with the rejecting decision, or null. */
  public String officialsReason() {
    if (REJECT.equals(finalDecision)) {
      return finalComment;
    }
    if (REJECT.equals(environmentalDecision)) {
      return environmentalConditions;
    }
    if (REJECT.equals(assessmentDecision)) {
      return assessmentComment;
    }
    return null;
  }

  /** Whether the request was rejected because no suitable site could be found. */
  public boolean noSuitableSite() {
    return REJECT.equals(noSiteDecision) && officialsReason() == null;
  }
}
