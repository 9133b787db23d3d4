package ru.mos.localisation.sites.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.mos.localisation.process.InvestorMessages;
import ru.mos.localisation.request.web.RequestView;
import ru.mos.localisation.request.web.RequestViews;

/** The investor API: an investor accepts or declines the site offered to them. */
@RestController
public class SiteOfferController {

  private final InvestorMessages messages;
  private final RequestViews views;

  public SiteOfferController(InvestorMessages messages, RequestViews views) {
    this.messages = messages;
    this.views = views;
  }

  /** Accepts or declines the offered site; 409 when no site offer awaits an answer. */
  @PostMapping(
      path = RequestViews.PATH + "/{number}/site-offer/answer",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public RequestView answerSiteOffer(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      @Valid @RequestBody SiteOfferAnswer body,
      Principal investor) {
    return views.actOn(number, investor, request -> messages.siteOfferAnswered(request, body.accepted(), body.comment()));
  }
}
