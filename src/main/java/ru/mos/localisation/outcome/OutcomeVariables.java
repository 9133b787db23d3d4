package ru.mos.localisation.outcome;

/** The variables of the request's outcome: the board's final decision and the agreement it yields. */
public final class OutcomeVariables {

  /** Set by the investment board: APPROVE or REJECT. */
  public static final String FINAL_DECISION = "finalDecision";
  public static final String FINAL_COMMENT = "finalComment";
  /** Set on approval: the investment agreement's number. */
  public static final String AGREEMENT_NUMBER = "agreementNumber";

  private OutcomeVariables() {}
}
