package ru.mos.localisation.process;

/**
 * The one place that knows the process key, message names and variable names of the
 * localisation process. Main code and tests use these constants, never string literals.
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "localisation-request";

  // Messages, all correlated by business key (the registry number)
  public static final String MESSAGE_DOCUMENTS_SUPPLIED = "DocumentsSupplied";
  public static final String MESSAGE_SITE_OFFER_ANSWERED = "SiteOfferAnswered";
  public static final String MESSAGE_REQUEST_WITHDRAWN = "RequestWithdrawn";

  /** The called process that finds, reserves and offers an industrial site. */
  public static final String SITE_ALLOCATION_PROCESS_KEY = "site-allocation";

  // Set at the start
  /** The request body as a Json (or String) variable, read once by registration. */
  public static final String REQUEST = "request";
  /** The investor user on whose behalf the investor API started the process. */
  public static final String SUBMITTED_BY = "submittedBy";
  /** The authenticated engine user who started the process (Tasklist, engine REST). */
  public static final String INITIATOR = "initiator";

  // Set by the service tasks; references and what tasks and gateways need, not the payload
  public static final String REQUEST_NUMBER = "requestNumber";
  public static final String INVESTOR_NAME = "investorName";
  public static final String DOCUMENTS_COMPLETE = "documentsComplete";
  public static final String MISSING_DOCUMENTS = "missingDocuments";
  public static final String AGREEMENT_NUMBER = "agreementNumber";

  // What officials read on their forms, set at registration
  public static final String INVESTOR_COUNTRY = "investorCountry";
  public static final String PROJECT_TITLE = "projectTitle";
  public static final String REQUIRED_AREA_HA = "requiredAreaHa";
  public static final String REQUIRED_POWER_MW = "requiredPowerMw";

  // Inputs of the DMN decision localisation-priority, set at registration
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

  // Site allocation
  public static final String CANDIDATE_SITE_IDS = "candidateSiteIds";
  public static final String SITES_FOUND = "sitesFound";
  public static final String DECLINED_SITE_IDS = "declinedSiteIds";
  public static final String OFFERED_SITE_ID = "offeredSiteId";
  /** The candidates with their data, one per line, for the official who selects a site. */
  public static final String CANDIDATE_SITES_SUMMARY = "candidateSitesSummary";
  /** The site offered to the investor with its data, for the board's final approval. */
  public static final String OFFERED_SITE_SUMMARY = "offeredSiteSummary";

  // Carried by the SiteOfferAnswered and RequestWithdrawn messages
  public static final String SITE_OFFER_ACCEPTED = "siteOfferAccepted";
  public static final String SITE_OFFER_COMMENT = "siteOfferComment";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // Carried by the DocumentsSupplied message
  public static final String SUPPLIED_DOCUMENTS = "suppliedDocuments";

  // Set by officials completing user tasks (the spec's contract)
  public static final String MISSING_DOCUMENTS_CONFIRMED = "missingDocumentsConfirmed";
  public static final String SCREENING_DECISION = "screeningDecision";
  public static final String ASSESSMENT_DECISION = "assessmentDecision";
  public static final String ASSESSMENT_COMMENT = "assessmentComment";
  public static final String FINAL_DECISION = "finalDecision";
  public static final String FINAL_COMMENT = "finalComment";
  public static final String ESCALATION_NOTE = "escalationNote";
  public static final String ENVIRONMENTAL_DECISION = "environmentalDecision";
  public static final String ENVIRONMENTAL_CONDITIONS = "environmentalConditions";
  public static final String SUPPORT_MEASURES = "supportMeasures";
  public static final String PERSONNEL_EXCHANGE_PLAN = "personnelExchangePlan";
  public static final String SELECTED_SITE_ID = "selectedSiteId";
  public static final String NO_SITE_DECISION = "noSiteDecision";

  private ProcessVariables() {}
}
