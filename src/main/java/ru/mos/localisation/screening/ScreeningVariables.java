package ru.mos.localisation.screening;

/** The variables of investor screening. */
public final class ScreeningVariables {

  /** Set by the compliance officer who reviews a screening hit: CLEAR or CONFIRM. */
  public static final String SCREENING_DECISION = "screeningDecision";

  private ScreeningVariables() {}
}
