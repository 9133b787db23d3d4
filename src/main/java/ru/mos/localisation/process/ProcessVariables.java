package ru.mos.localisation.process;

/**
 * The process-wide names of the localisation process: process keys, the messages and what they
 * carry, and the references every step and Tasklist use. Each feature declares its own variables
 * next to its code (IntakeVariables, DocumentVariables, DecisionVariables, SiteVariables, …).
 */
public final class ProcessVariables {

  public static final String PROCESS_KEY = "localisation-request";

  /** The called process that finds, reserves and offers an industrial site. */
  public static final String SITE_ALLOCATION_PROCESS_KEY = "site-allocation";

  // Messages, all correlated by business key (the registry number)
  public static final String MESSAGE_DOCUMENTS_SUPPLIED = "DocumentsSupplied";
  public static final String MESSAGE_SITE_OFFER_ANSWERED = "SiteOfferAnswered";
  public static final String MESSAGE_REQUEST_WITHDRAWN = "RequestWithdrawn";

  // Carried by the DocumentsSupplied message
  public static final String SUPPLIED_DOCUMENTS = "suppliedDocuments";

  // Carried by the SiteOfferAnswered and RequestWithdrawn messages
  public static final String SITE_OFFER_ACCEPTED = "siteOfferAccepted";
  public static final String SITE_OFFER_COMMENT = "siteOfferComment";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // Set at registration, shown on every task card in Tasklist
  public static final String REQUEST_NUMBER = "requestNumber";
  public static final String INVESTOR_NAME = "investorName";

  /** The request's priority class, A, B or C (set by the priority decision), shown on task cards. */
  public static final String PRIORITY = "priority";

  private ProcessVariables() {}
}
