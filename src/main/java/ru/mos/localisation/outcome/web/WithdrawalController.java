package ru.mos.localisation.outcome.web;

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

/** The investor API: an investor withdraws a request. */
@RestController
public class WithdrawalController {

  private final InvestorMessages messages;
  private final RequestViews views;

  public WithdrawalController(InvestorMessages messages, RequestViews views) {
    this.messages = messages;
    this.views = views;
  }

  /** Withdraws the request at whatever stage it is; 409 when it has already ended. */
  @PostMapping(
      path = RequestViews.PATH + "/{number}/withdrawal",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public RequestView withdraw(
      @PathVariable @Pattern(regexp = RequestViews.NUMBER) String number,
      @Valid @RequestBody Withdrawal body,
      Principal investor) {
    return views.actOn(number, investor, request -> messages.withdrawn(request, body.reason()));
  }
}
