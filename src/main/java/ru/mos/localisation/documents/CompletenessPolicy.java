package ru.mos.localisation.documents;

import static ru.mos.localisation.request.DocumentType.BUSINESS_PLAN;
import static ru.mos.localisation.request.DocumentType.CORPORATE_DOCUMENTS;
import static ru.mos.localisation.request.DocumentType.ENVIRONMENTAL_IMPACT_SUMMARY;
import static ru.mos.localisation.request.DocumentType.FINANCIAL_STATEMENTS;
import static ru.mos.localisation.request.DocumentType.LICENCES;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.mos.localisation.decision.EnvironmentalReviewRequirement;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.Sector;

/**
 * Which documents a request needs. Every project files a business plan, financial statements
 * and corporate documents; a project that needs an environmental review (the DMN's table: battery
 * recycling, hazard classes 1–3) adds an environmental impact summary; medical equipment and
 * biotech, whose production is licensed, add their licences.
 */
@Component
public class CompletenessPolicy {

  private static final Set<DocumentType> ALWAYS =
      EnumSet.of(BUSINESS_PLAN, FINANCIAL_STATEMENTS, CORPORATE_DOCUMENTS);

  private final EnvironmentalReviewRequirement environmentalReview = EnvironmentalReviewRequirement.fromModel();

  public Set<DocumentType> required(Sector sector, int hazardClass) {
    Set<DocumentType> required = EnumSet.copyOf(ALWAYS);
    // the summary is what the environmental review reads: it is needed exactly when the review is
    if (environmentalReview.requiredFor(sector, hazardClass)) {
      required.add(ENVIRONMENTAL_IMPACT_SUMMARY);
    }
    if (sector == Sector.MEDICAL_EQUIPMENT || sector == Sector.BIOTECH) {
      required.add(LICENCES);
    }
    return required;
  }

  /** The required documents not among those filed, in a stable order. */
  public List<DocumentType> missing(Sector sector, int hazardClass, Collection<DocumentType> filed) {
    Set<DocumentType> missing = required(sector, hazardClass);
    missing.removeAll(filed);
    return List.copyOf(missing);
  }
}
