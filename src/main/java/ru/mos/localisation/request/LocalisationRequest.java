package ru.mos.localisation.request;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A registered localisation request: one row of the registry. */
public record LocalisationRequest(
    String number,
    String externalReference,
    String investorName,
    String investorCountry,
    String investorRegistrationNumber,
    String investorContactEmail,
    Sector sector,
    String title,
    String description,
    long investmentRub,
    int plannedJobs,
    int exportSharePercent,
    BigDecimal requiredAreaHa,
    BigDecimal requiredPowerMw,
    int hazardClass,
    List<DocumentType> documents,
    List<DocumentType> missingDocuments,
    boolean exportSupportRequested,
    boolean personnelExchangeRequested,
    RequestStatus status,
    RequestStage stage,
    String submittedBy,
    String processInstanceId,
    String agreementNumber,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
