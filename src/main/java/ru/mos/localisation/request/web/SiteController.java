package ru.mos.localisation.request.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.sites.SiteRegistry;

/** The city's registry of industrial sites, for investors planning where to produce. */
@RestController
public class SiteController {

  private final SiteRegistry sites;

  public SiteController(SiteRegistry sites) {
    this.sites = sites;
  }

  @GetMapping(path = "/api/v1/sites", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<SiteView> sites() {
    return sites.all().stream().map(SiteView::of).toList();
  }
}
