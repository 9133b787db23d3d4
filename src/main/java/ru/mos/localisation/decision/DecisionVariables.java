package ru.mos.localisation.decision;

/**
 * The variables of deciding on a request: the inputs and outputs of the DMN decision
 * {@code localisation-priority} and what officials set when they assess the request, handle an
 * overdue assessment and review its environmental impact.
 */
public final class DecisionVariables {

  // Inputs of localisation-priority, set at registration
  public static final String SECTOR = "sector";
  public static final String INVESTMENT_RUB = "investmentRub";
  public static final String PLANNED_JOBS = "plannedJobs";
  public static final String EXPORT_SHARE_PERCENT = "exportSharePercent";
  public static final String HAZARD_CLASS = "hazardClass";
  public static final String EXPORT_SUPPORT_REQUESTED = "exportSupportRequested";
  public static final String PERSONNEL_EXCHANGE_REQUESTED = "personnelExchangeRequested";

  // Outputs of localisation-priority
  public static final String PRIORITY = "priority";
  public static final String ASSESSMENT_DEADLINE = "assessmentDeadline";
  public static final String ENVIRONMENTAL_REVIEW_REQUIRED = "environmentalReviewRequired";
  public static final String ELIGIBLE_STATUSES = "eligibleStatuses";

  // Set by officials (the product's task contract)
  public static final String ASSESSMENT_DECISION = "assessmentDecision";
  public static final String ASSESSMENT_COMMENT = "assessmentComment";
  public static final String ESCALATION_NOTE = "escalationNote";
  public static final String ENVIRONMENTAL_DECISION = "environmentalDecision";
  public static final String ENVIRONMENTAL_CONDITIONS = "environmentalConditions";

  private DecisionVariables() {}
}
