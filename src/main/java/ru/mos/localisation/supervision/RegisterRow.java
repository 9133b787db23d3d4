package ru.mos.localisation.supervision;

import java.time.OffsetDateTime;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/** One request as the register lists it, codes with their Russian names. */
public record RegisterRow(
    String number,
    String investorName,
    Sector sector,
    String sectorName,
    RequestStatus status,
    String statusName,
    RequestStage stage,
    String stageName,
    OffsetDateTime registeredAt,
    OffsetDateTime finishedAt,
    long daysOpen,
    boolean overdue,
    String agreementNumber,
    String site) {}
