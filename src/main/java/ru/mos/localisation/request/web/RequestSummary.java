package ru.mos.localisation.request.web;

import java.time.OffsetDateTime;
import java.util.Map;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.request.SiteOfRequest;

/** A request as one line of a listing. */
public record RequestSummary(
    String number,
    String externalReference,
    RequestStatus status,
    RequestStage stage,
    String investorName,
    Sector sector,
    String title,
    OffsetDateTime createdAt,
    Map<String, String> links) {

  static RequestSummary of(LocalisationRequest r, SiteOfRequest site) {
    return new RequestSummary(
        r.number(),
        r.externalReference(),
        r.status(),
        r.stage().asSeenByInvestor(),
        r.investorName(),
        r.sector(),
        r.title(),
        r.createdAt(),
        RequestView.links(r, site));
  }
}
