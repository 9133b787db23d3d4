package ru.mos.localisation.documents;

import java.util.LinkedHashMap;
import java.util.Map;

/** The repository's sample files (samples/) by the document type each stands for. */
final class DocumentSamples {

  static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("BUSINESS_PLAN", "business-plan.pdf");
    SAMPLES.put("FINANCIAL_STATEMENTS", "financial-statements.xlsx");
    SAMPLES.put("CORPORATE_DOCUMENTS", "corporate-documents.docx");
    SAMPLES.put("ENVIRONMENTAL_IMPACT_SUMMARY", "environmental-impact-summary.pdf");
  }

  private DocumentSamples() {}
}
