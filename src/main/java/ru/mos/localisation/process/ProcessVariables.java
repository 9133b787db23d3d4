package ru.mos.localisation.process;

/**
 * The one place that knows the process key, message names and variable names of the
 * localisation process. Main code and tests use these constants, never string literals.
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "localisation-request";

  // Messages, all correlated by business key (the registry number)
  public static final String MESSAGE_DOCUMENTS_SUPPLIED = "DocumentsSupplied";

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

  // Carried by the DocumentsSupplied message
  public static final String SUPPLIED_DOCUMENTS = "suppliedDocuments";

  // Set by officials completing user tasks (the spec's contract)
  public static final String MISSING_DOCUMENTS_CONFIRMED = "missingDocumentsConfirmed";
  public static final String SCREENING_DECISION = "screeningDecision";
  public static final String ASSESSMENT_DECISION = "assessmentDecision";
  public static final String ASSESSMENT_COMMENT = "assessmentComment";
  public static final String FINAL_DECISION = "finalDecision";
  public static final String FINAL_COMMENT = "finalComment";

  private ProcessVariables() {}
}
