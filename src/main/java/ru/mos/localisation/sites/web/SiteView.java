package ru.mos.localisation.sites.web;

import java.math.BigDecimal;
import java.util.Set;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteStatus;

/** An industrial site as investors see it. */
public record SiteView(
    String id,
    String name,
    String zone,
    BigDecimal areaHa,
    BigDecimal powerMw,
    Set<Integer> allowedHazardClasses,
    SiteStatus status,
    String requestNumber) {

  SiteView withoutRequestNumber() {
    return new SiteView(id, name, zone, areaHa, powerMw, allowedHazardClasses, status, null);
  }

  static SiteView of(IndustrialSite site) {
    return new SiteView(
        site.id(),
        site.name(),
        site.zone(),
        site.areaHa(),
        site.powerMw(),
        site.allowedHazardClasses(),
        site.status(),
        site.requestNumber());
  }
}
