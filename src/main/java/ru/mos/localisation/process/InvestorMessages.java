package ru.mos.localisation.process;

import static ru.mos.localisation.process.ProcessVariables.MESSAGE_DOCUMENTS_SUPPLIED;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_REQUEST_WITHDRAWN;
import static ru.mos.localisation.process.ProcessVariables.MESSAGE_SITE_OFFER_ANSWERED;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_COMMENT;
import static ru.mos.localisation.process.ProcessVariables.SUPPLIED_DOCUMENTS;
import static ru.mos.localisation.process.ProcessVariables.WITHDRAWAL_REASON;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The three things an investor tells a running request — documents supplied, the answer to a
 * site offer, a withdrawal — delivered as the messages the model waits for. The one place that
 * correlates them; only the investor API calls it (users of the engine may not, see integrity).
 */
@Component
public class InvestorMessages {

  private final MessageCorrelations correlations;

  public InvestorMessages(MessageCorrelations correlations) {
    this.correlations = correlations;
  }

  /** @param documents the supplied document types, comma-separated */
  public void documentsSupplied(String number, String documents) {
    correlations.correlate(number, MESSAGE_DOCUMENTS_SUPPLIED, SUPPLIED_DOCUMENTS, documents);
  }

  public void siteOfferAnswered(String number, boolean accepted, String comment) {
    correlations.correlate(
        number,
        MESSAGE_SITE_OFFER_ANSWERED,
        comment == null
            ? Map.of(SITE_OFFER_ACCEPTED, accepted)
            : Map.of(SITE_OFFER_ACCEPTED, accepted, SITE_OFFER_COMMENT, comment));
  }

  public void withdrawn(String number, String reason) {
    correlations.correlate(number, MESSAGE_REQUEST_WITHDRAWN, Map.of(WITHDRAWAL_REASON, reason));
  }
}
