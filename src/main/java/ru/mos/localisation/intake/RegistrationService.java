package ru.mos.localisation.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.shared.RegistryNumbers;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;

/** Registers a validated request in the registry under a new registry number. */
@Service
public class RegistrationService {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

  private final RequestRegistry registry;
  private final RegistryNumbers numbers;
  private final InvestorNotifications notifications;
  private final Clock clock;

  public RegistrationService(
      RequestRegistry registry, RegistryNumbers numbers, InvestorNotifications notifications, Clock clock) {
    this.registry = registry;
    this.numbers = numbers;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * Registers the request and tells the investor its registry number.
   *
   * @param submittedBy the account filing the request, whose external references must be unique;
   *     null for a start without an account, which is no idempotency target
   * @throws DuplicateRequestException if this account already filed this external reference, or
   *     is filing it at this moment; the unique constraint decides, so two racing intakes cannot
   *     both succeed
   */
  public LocalisationRequest register(
      NewLocalisationRequest request, String submittedBy, String processInstanceId) {
    var investor = request.investor();
    var project = request.project();
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalisationRequest registered =
        new LocalisationRequest(
            numbers.next(),
            request.externalReference(),
            investor.name().strip(),
            investor.country(),
            investor.registrationNumber(),
            investor.contactEmail(),
            project.sector(),
            project.title().strip(),
            project.description(),
            project.investmentRub(),
            project.plannedJobs(),
            project.exportSharePercent(),
            project.requiredAreaHa(),
            project.requiredPowerMw(),
            project.hazardClass(),
            request.documents().stream().distinct().toList(),
            List.of(),
            request.exportSupportRequested(),
            request.personnelExchangeRequested(),
            RequestStatus.IN_PROGRESS,
            RequestStage.REGISTRATION,
            submittedBy,
            processInstanceId,
            null,
            now,
            now);
    try {
      registry.insert(registered);
    } catch (DuplicateKeyException e) {
      // a refusal, not a failure: one line, no stack trace (see web.EngineRefusalLogging)
      LOG.info("Refused a second request with externalReference '{}' from {}", request.externalReference(), submittedBy);
      throw new DuplicateRequestException(request.externalReference());
    } catch (CannotAcquireLockException e) {
      // H2 makes a second insert of a key wait for the first, still uncommitted, insert and gives
      // up after its lock timeout (PostgreSQL waits until it commits and reports the duplicate)
      throw DuplicateRequestException.beingRegistered(request.externalReference());
    }
    notifications.notify(registered, new Notification.RequestReceived());
    return registered;
  }
}
