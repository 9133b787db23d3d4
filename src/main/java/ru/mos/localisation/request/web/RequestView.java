package ru.mos.localisation.request.web;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.SiteOfRequest;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.request.TimelineEntry;

/**
 * A request as the investor sees it: where it stands, what is missing, what happened. Screening is
 * not part of it ({@link RequestStage#asSeenByInvestor()}, {@link InvestorTimeline}).
 */
public record RequestView(
    String number,
    String externalReference,
    RequestStatus status,
    RequestStage stage,
    Investor investor,
    Project project,
    List<DocumentType> documents,
    List<DocumentType> missingDocuments,
    List<String> candidateSiteIds,
    SiteOfRequest site,
    String agreementNumber,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    List<TimelineEntry> timeline,
    Map<String, String> links) {

  record Investor(String name, String country, String registrationNumber, String contactEmail) {}

  record Project(
      Sector sector,
      String title,
      String description,
      long investmentRub,
      int plannedJobs,
      int exportSharePercent,
      BigDecimal requiredAreaHa,
      BigDecimal requiredPowerMw,
      int hazardClass,
      boolean exportSupportRequested,
      boolean personnelExchangeRequested) {}

  static RequestView of(
      LocalisationRequest r, List<String> candidateSiteIds, SiteOfRequest site, List<TimelineEntry> timeline) {
    List<TimelineEntry> shown = InvestorTimeline.of(timeline);
    // changed when something the investor sees happened: a review that ends days after screening
    // began must not show as a change the timeline does not explain
    OffsetDateTime updatedAt = shown.isEmpty() ? r.updatedAt() : shown.get(shown.size() - 1).at();
    return new RequestView(
        r.number(),
        r.externalReference(),
        r.status(),
        r.stage().asSeenByInvestor(),
        new Investor(
            r.investorName(), r.investorCountry(), r.investorRegistrationNumber(), r.investorContactEmail()),
        new Project(
            r.sector(),
            r.title(),
            r.description(),
            r.investmentRub(),
            r.plannedJobs(),
            r.exportSharePercent(),
            r.requiredAreaHa(),
            r.requiredPowerMw(),
            r.hazardClass(),
            r.exportSupportRequested(),
            r.personnelExchangeRequested()),
        r.documents(),
        r.missingDocuments(),
        candidateSiteIds,
        site,
        r.agreementNumber(),
        r.createdAt(),
        updatedAt,
        shown,
        links(r.number()));
  }

  static Map<String, String> links(String number) {
    String self = RequestViews.PATH + "/" + number;
    return Map.of(
        "self", self,
        "documents", self + "/documents",
        "siteOfferAnswer", self + "/site-offer/answer",
        "withdrawal", self + "/withdrawal");
  }
}
