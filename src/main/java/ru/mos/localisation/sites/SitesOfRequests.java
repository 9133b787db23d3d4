package ru.mos.localisation.sites;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.RequestSites;
import ru.mos.localisation.request.SiteOfRequest;

/** Tells the registry's view of a request which sites are its candidates and which one it holds. */
@Component
public class SitesOfRequests implements RequestSites {

  private final SiteRegistry sites;

  public SitesOfRequests(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  public List<String> candidateSiteIds(String number) {
    return sites.candidates(number);
  }

  @Override
  public Optional<SiteOfRequest> siteOf(String number) {
    return sites
        .heldBy(number)
        .map(
            site ->
                new SiteOfRequest(
                    site.id(),
                    site.name(),
                    site.zone(),
                    site.areaHa(),
                    site.powerMw(),
                    site.allowedHazardClasses(),
                    site.status().name(),
                    site.requestNumber()));
  }
}
