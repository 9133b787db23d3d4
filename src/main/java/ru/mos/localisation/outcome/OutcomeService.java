package ru.mos.localisation.outcome;

import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.NotificationType;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RegistryNumbers;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;

/** The city's final word on a request: approval with an investment agreement, or rejection. */
@Service
public class OutcomeService {

  private final RequestRegistry registry;
  private final InvestorNotifications notifications;

  public OutcomeService(RequestRegistry registry, InvestorNotifications notifications) {
    this.registry = registry;
    this.notifications = notifications;
  }

  /** @return the investment agreement number */
  public String approve(String number) {
    LocalisationRequest request = registry.get(number);
    String agreementNumber = RegistryNumbers.agreementNumberFor(number);
    registry.setAgreementNumber(number, agreementNumber);
    registry.finish(number, RequestStatus.APPROVED, agreementNumber);
    notifications.notify(
        request,
        NotificationType.APPROVED,
        "Request %s approved".formatted(number),
        "Your request is approved. Investment agreement number: %s.".formatted(agreementNumber));
    return agreementNumber;
  }

  public void reject(String number) {
    LocalisationRequest request = registry.get(number);
    // the stage it was rejected at tells the investor (and the timeline) where it stopped
    registry.finish(number, RequestStatus.REJECTED, "at stage " + request.stage());
    notifications.notify(
        request,
        NotificationType.REJECTED,
        "Request %s rejected".formatted(number),
        "We regret that your request was not approved (stage: %s).".formatted(request.stage()));
  }
}
