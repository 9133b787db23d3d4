package ru.mos.localisation.request.web;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
        links(r, site));
  }

  /**
   * What the investor can do now: supply documents while they are being checked or are missing,
   * answer a site offer while one is open, withdraw until the request has ended.
   */
  static Map<String, String> links(LocalisationRequest r, SiteOfRequest site) {
    String self = RequestViews.PATH + "/" + r.number();
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self);
    boolean running = r.status() == RequestStatus.IN_PROGRESS;
    boolean documentsNeeded =
        r.stage() == RequestStage.REGISTRATION || r.stage() == RequestStage.DOCUMENTS || !r.missingDocuments().isEmpty();
    if (running && documentsNeeded) {
      links.put("documents", self + "/documents");
    }
    // a reserved site is one offered to the investor and not yet answered
    if (running && site != null && "RESERVED".equals(site.status())) {
      links.put("siteOfferAnswer", self + "/site-offer/answer");
    }
    if (running) {
      links.put("withdrawal", self + "/withdrawal");
    }
    return links;
  }
}
