package ru.mos.localisation.documents;

/** The variables of the documents stage; the supplied documents come with the message (ProcessVariables). */
public final class DocumentVariables {

  /** Set by the completeness check for the gateway «Документы полные?». */
  public static final String DOCUMENTS_COMPLETE = "documentsComplete";
  /** Set by the completeness check: the missing document types, comma-separated. */
  public static final String MISSING_DOCUMENTS = "missingDocuments";
  /** Set by the official who confirms the list of missing documents. */
  public static final String MISSING_DOCUMENTS_CONFIRMED = "missingDocumentsConfirmed";
  /** Set by the official in the same task: the types whose paper originals the city received. */
  public static final String PAPER_ORIGINALS = "paperOriginals";

  private DocumentVariables() {}
}
