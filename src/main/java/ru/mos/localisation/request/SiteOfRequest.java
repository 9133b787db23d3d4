package ru.mos.localisation.request;

import java.math.BigDecimal;
import java.util.Set;

/** The industrial site offered to or allocated for a request, as the request's view shows it. */
public record SiteOfRequest(
    String id,
    String name,
    String zone,
    BigDecimal areaHa,
    BigDecimal powerMw,
    Set<Integer> allowedHazardClasses,
    String status,
    String requestNumber) {}
