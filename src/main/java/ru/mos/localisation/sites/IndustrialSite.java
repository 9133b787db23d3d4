package ru.mos.localisation.sites;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** An industrial site of the city's registry. */
public record IndustrialSite(
    String id,
    String name,
    String zone,
    BigDecimal areaHa,
    BigDecimal powerMw,
    Set<Integer> allowedHazardClasses,
    SiteStatus status,
    String requestNumber) {

  public IndustrialSite {
    // in ascending order, however they were given or stored
    allowedHazardClasses = Collections.unmodifiableSortedSet(new TreeSet<>(allowedHazardClasses));
  }
}
