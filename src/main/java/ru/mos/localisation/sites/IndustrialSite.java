package ru.mos.localisation.sites;

import java.math.BigDecimal;
import java.util.Set;

/** An industrial site of the city's registry. */
public record IndustrialSite(
    String id,
    String name,
    String zone,
    BigDecimal areaHa,
    BigDecimal powerMw,
    Set<Integer> allowedHazardClasses,
    SiteStatus status,
    String requestNumber) {}
