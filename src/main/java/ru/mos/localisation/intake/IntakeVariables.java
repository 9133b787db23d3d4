package ru.mos.localisation.intake;

/**
 * The variables of intake: what a start carries and what registration sets for officials to read
 * on their forms. The inputs of the priority decision are the decision's ({@code DecisionVariables}).
 */
public final class IntakeVariables {

  // Set at the start
  /** The request body as a Json (or String) variable, read once by registration. */
  public static final String REQUEST = "request";
  /** The investor user on whose behalf the investor API started the process. */
  public static final String SUBMITTED_BY = "submittedBy";
  /** The authenticated engine user who started the process (Tasklist, engine REST). */
  public static final String INITIATOR = "initiator";

  // What officials read on their forms, set at registration
  public static final String INVESTOR_COUNTRY = "investorCountry";
  public static final String PROJECT_TITLE = "projectTitle";
  public static final String REQUIRED_AREA_HA = "requiredAreaHa";
  public static final String REQUIRED_POWER_MW = "requiredPowerMw";

  private IntakeVariables() {}
}
