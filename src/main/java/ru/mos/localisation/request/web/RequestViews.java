package ru.mos.localisation.request.web;

import java.security.Principal;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestNotFoundException;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestSites;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;

/**
 * The investor API's view of a request, for every endpoint that answers with one, and the rule
 * that an investor sees only their own requests.
 */
@Component
public class RequestViews {

  /** Where the investor API keeps requests. */
  public static final String PATH = "/api/v1/localisation-requests";

  /** A registry number in a path. */
  public static final String NUMBER = "LOC-\\d{4}-\\d{5,}";

  private final RequestRegistry registry;
  private final RequestSites sites;

  public RequestViews(RequestRegistry registry, RequestSites sites) {
    this.registry = registry;
    this.sites = sites;
  }

  /** The request, if the investor filed it; another investor's is answered as unknown (404). */
  public LocalisationRequest owned(String number, Principal investor) {
    return registry
        .find(number)
        .filter(request -> investor.getName().equals(request.submittedBy()))
        .orElseThrow(() -> new RequestNotFoundException(number));
  }

  /**
   * An investor's action on their own request (another's is unknown to them: 404), answered with
   * the request as it stands afterwards.
   */
  public RequestView actOn(String number, Principal investor, Consumer<String> action) {
    owned(number, investor);
    action.accept(number);
    return of(number);
  }

  /** The request as it stands now. */
  public RequestView of(String number) {
    return of(registry.get(number));
  }

  /**
   * A request as one line of a listing. Only a running request at the site stage can have an open
   * offer, so only its site is looked up (one indexed query, at most a page's worth).
   */
  public RequestSummary summaryOf(LocalisationRequest request) {
    boolean mayHaveAnOffer =
        request.status() == RequestStatus.IN_PROGRESS && request.stage() == RequestStage.SUPPORT_AND_SITE;
    return RequestSummary.of(request, mayHaveAnOffer ? sites.siteOf(request.number()).orElse(null) : null);
  }

  public RequestView of(LocalisationRequest request) {
    String number = request.number();
    return RequestView.of(
        request,
        request.status() == RequestStatus.IN_PROGRESS ? sites.candidateSiteIds(number) : List.of(),
        sites.siteOf(number).orElse(null),
        registry.timeline(number));
  }
}
