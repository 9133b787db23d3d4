package ru.mos.localisation.outcome;

/**
 * The officials' decisions a rejection can come from, as the process holds them, and what the
 * investor is told of them: the words of the official whose decision rejected the request. A
 * rejection after a confirmed screening hit has none the investor may read (they must not learn of
 * the screening); one for want of a site has none either (the site officer's decision carries no
 * text): its stage tells it.
 */
public record RejectionGrounds(
    String assessmentDecision,
    String assessmentComment,
    String environmentalDecision,
    String environmentalConditions,
    String finalDecision,
    String finalComment) {

  private static final String REJECT = "REJECT";

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

}
