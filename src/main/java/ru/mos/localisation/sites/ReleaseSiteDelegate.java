package ru.mos.localisation.sites;

import static ru.mos.localisation.sites.SiteVariables.DECLINED_SITE_IDS;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Снять резерв площадки»: after a decline or no answer; the site is not offered again. */
@Component("releaseSite")
public class ReleaseSiteDelegate implements JavaDelegate {

  private final SiteService sites;

  public ReleaseSiteDelegate(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    // no answer means the offer's time ran out; the investor is told the offer lapsed
    boolean answered = execution.getVariable(SITE_OFFER_ACCEPTED) != null;
    Optional<String> released = answered ? sites.release(number) : sites.expireOffer(number);
    released.ifPresent(
        siteId -> {
          List<String> declined = new ArrayList<>(DeclinedSites.of(execution));
          declined.add(siteId);
          execution.setVariable(DECLINED_SITE_IDS, String.join(",", declined));
        });
    execution.removeVariable(SITE_OFFER_ACCEPTED);
  }
}
