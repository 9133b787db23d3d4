package ru.mos.localisation.request.web;

import static ru.mos.localisation.process.ProcessVariables.MESSAGE_REQUEST_WITHDRAWN;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_SITE_OFFER_ANSWERED;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_COMMENT;
import static ru.mos.localisation.process.ProcessVariables.WITHDRAWAL_REASON;

import java.util.Map;
import org.springframework.stereotype.Component;
import ru.mos.localisation.process.MessageCorrelations;

/** The investor's answers that resume a waiting process: a site offer answered, a withdrawal. */
@Component
class InvestorAnswers {

  private final MessageCorrelations correlations;

  InvestorAnswers(MessageCorrelations correlations) {
    this.correlations = correlations;
  }

  void answerSiteOffer(String number, boolean accepted, String comment) {
    correlations.correlate(
        number,
        MESSAGE_SITE_OFFER_ANSWERED,
        comment == null
            ? Map.of(SITE_OFFER_ACCEPTED, accepted)
            : Map.of(SITE_OFFER_ACCEPTED, accepted, SITE_OFFER_COMMENT, comment));
  }

  void withdraw(String number, String reason) {
    correlations.correlate(number, MESSAGE_REQUEST_WITHDRAWN, Map.of(WITHDRAWAL_REASON, reason));
  }
}
