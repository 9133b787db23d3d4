package ru.mos.localisation.request.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.documents.DocumentsService;
import ru.mos.localisation.intake.IntakeService;
import ru.mos.localisation.intake.IntakeService.Submission;
import ru.mos.localisation.intake.NewLocalisationRequest;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestFilter;
import ru.mos.localisation.request.RequestNotFoundException;
import ru.mos.localisation.request.RequestPage;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.sites.SiteService;

/**
 * The investor API: file requests, follow them, supply documents, answer site offers, withdraw.
 * Investors see only their own requests.
 */
@RestController
@RequestMapping(path = LocalisationRequestController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class LocalisationRequestController {

  static final String PATH = "/api/v1/localisation-requests";
  private static final String NUMBER = "LOC-\\d{4}-\\d{5,}";

  private final IntakeService intake;
  private final DocumentsService documents;
  private final InvestorAnswers answers;
  private final RequestRegistry registry;
  private final SiteService sites;

  public LocalisationRequestController(
      IntakeService intake,
      DocumentsService documents,
      InvestorAnswers answers,
      RequestRegistry registry,
      SiteService sites) {
    this.intake = intake;
    this.documents = documents;
    this.answers = answers;
    this.registry = registry;
    this.sites = sites;
  }

  /** 201 with the new request, or 200 with the one already filed under this external reference. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<RequestView> submit(
      @Valid @RequestBody NewLocalisationRequest body, Principal investor) {
    Submission submission = intake.submit(body, investor.getName());
    RequestView view = view(submission.request());
    return submission.created()
        ? ResponseEntity.created(URI.create(view.links().get("self"))).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/{number}")
  public RequestView get(@PathVariable @Pattern(regexp = NUMBER) String number, Principal investor) {
    return view(owned(number, investor));
  }

  @GetMapping
  public PageView<RequestSummary> list(
      @RequestParam(required = false) RequestStatus status,
      @RequestParam(required = false) Sector sector,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Principal investor) {
    RequestPage result =
        registry.list(new RequestFilter(investor.getName(), status, sector), page, size);
    return new PageView<>(
        result.items().stream().map(RequestSummary::of).toList(),
        result.page(),
        result.size(),
        result.totalElements(),
        result.totalPages());
  }

  /** Supplies missing documents; 409 when the request is not waiting for documents. */
  @PostMapping(path = "/{number}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
  public RequestView supplyDocuments(
      @PathVariable @Pattern(regexp = NUMBER) String number,
      @Valid @RequestBody DocumentsSupply body,
      Principal investor) {
    owned(number, investor);
    documents.supply(number, body.documents());
    return view(registry.get(number));
  }

  /** Accepts or declines the offered site; 409 when no site offer awaits an answer. */
  @PostMapping(path = "/{number}/site-offer/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
  public RequestView answerSiteOffer(
      @PathVariable @Pattern(regexp = NUMBER) String number,
      @Valid @RequestBody SiteOfferAnswer body,
      Principal investor) {
    owned(number, investor);
    answers.answerSiteOffer(number, body.accepted(), body.comment());
    return view(registry.get(number));
  }

  /** Withdraws the request at whatever stage it is; 409 when it has already ended. */
  @PostMapping(path = "/{number}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
  public RequestView withdraw(
      @PathVariable @Pattern(regexp = NUMBER) String number,
      @Valid @RequestBody Withdrawal body,
      Principal investor) {
    owned(number, investor);
    answers.withdraw(number, body.reason());
    return view(registry.get(number));
  }

  /** Another investor's request is answered as unknown: its existence is not theirs to learn. */
  private LocalisationRequest owned(String number, Principal investor) {
    return registry
        .find(number)
        .filter(request -> investor.getName().equals(request.submittedBy()))
        .orElseThrow(() -> new RequestNotFoundException(number));
  }

  private RequestView view(LocalisationRequest request) {
    String number = request.number();
    return RequestView.of(
        request,
        registry.candidateSites(number),
        sites.siteOf(number).map(SiteView::of).orElse(null),
        registry.timeline(number));
  }
}
