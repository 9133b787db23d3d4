package ru.mos.localisation.outcome;

import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.shared.RegistryNumbers;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.sites.SiteService;

/** How a request ends: approval with an investment agreement, rejection, withdrawal or cancellation. */
@Service
public class OutcomeService {

  private final RequestRegistry registry;
  private final SiteService sites;
  private final InvestorNotifications notifications;

  public OutcomeService(RequestRegistry registry, SiteService sites, InvestorNotifications notifications) {
    this.registry = registry;
    this.sites = sites;
    this.notifications = notifications;
  }

  /**
   * Allocates the reserved site for good and issues the investment agreement.
   *
   * @return the investment agreement number
   */
  public String approve(String number) {
    LocalisationRequest request = registry.get(number);
    String siteId = sites.allocate(number);
    String agreementNumber = RegistryNumbers.agreementNumberFor(number);
    registry.setAgreementNumber(number, agreementNumber);
    registry.finish(number, RequestStatus.APPROVED, agreementNumber);
    notifications.notify(
        request,
        new Notification.Approved(
            agreementNumber,
            sites.siteOf(number).map(SiteService::forLetter).orElseThrow(() -> new IllegalStateException(siteId))));
    return agreementNumber;
  }

  /**
   * Rejects the request; a site reserved for it becomes available again. The investor is told the
   * reason of the officials whose decision rejected it.
   */
  public void reject(String number, RejectionGrounds grounds) {
    LocalisationRequest request = registry.get(number);
    sites.release(number);
    // the stage it was rejected at tells the investor (and the timeline) where it stopped, as the
    // investor knows the stages: a rejection after a screening hit must not tell of the screening
    RequestStage stage = request.stage().asSeenByInvestor();
    registry.finish(number, RequestStatus.REJECTED, "at stage " + stage);
    String reason = grounds.officialsReason();
    // while support and site allocation run, only the site officer's giving up rejects a request
    boolean noSuitableSite = reason == null && stage == RequestStage.SUPPORT_AND_SITE;
    notifications.notify(request, new Notification.Rejected(stage, reason, noSuitableSite));
  }

  /** The investor withdrew the request; a site reserved for it becomes available again. */
  public void withdraw(String number, String reason) {
    LocalisationRequest request = registry.get(number);
    sites.release(number);
    registry.finish(number, RequestStatus.WITHDRAWN, reason);
    notifications.notify(request, new Notification.Withdrawn(request.stage().asSeenByInvestor(), reason));
  }

  /**
   * An administrator cancelled the request's process: the registry says so with the reason, a
   * site reserved for it becomes available again, and the investor is told. A request that had
   * already reached its outcome keeps it.
   */
  public void cancel(String number, String reason) {
    LocalisationRequest request = registry.find(number).orElse(null);
    if (request == null || request.status() != RequestStatus.IN_PROGRESS) {
      return;
    }
    sites.release(number);
    registry.finish(number, RequestStatus.CANCELLED, reason);
    // the stage as the investor knows it: a cancellation during screening must not tell of it
    notifications.notify(request, new Notification.Cancelled(request.stage().asSeenByInvestor()));
  }
}
