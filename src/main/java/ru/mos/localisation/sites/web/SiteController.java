package ru.mos.localisation.sites.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.sites.SiteRegistry;

/**
 * The city's registry of industrial sites, for investors planning where to produce. A site held
 * by another investor's request shows as reserved or allocated without that request's number:
 * investors see only their own requests.
 */
@RestController
public class SiteController {

  private final SiteRegistry sites;
  private final RequestRegistry registry;

  public SiteController(SiteRegistry sites, RequestRegistry registry) {
    this.sites = sites;
    this.registry = registry;
  }

  @GetMapping(path = "/api/v1/sites", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<SiteView> sites(Principal investor) {
    Set<String> own = registry.numbersSubmittedBy(investor.getName());
    return sites.all().stream()
        .map(SiteView::of)
        .map(site -> site.requestNumber() == null || own.contains(site.requestNumber()) ? site : site.withoutRequestNumber())
        .toList();
  }
}
