package ru.mos.localisation.screening;

/** The variables of investor screening. */
public final class ScreeningVariables {

  /** Set by the compliance officer who reviews a screening hit: CLEAR or CONFIRM. */
  public static final String SCREENING_DECISION = "screeningDecision";

  /** Set by the compliance officer with the decision: why, required, recorded on the timeline. */
  public static final String SCREENING_REASON = "screeningReason";

  private ScreeningVariables() {}
}
