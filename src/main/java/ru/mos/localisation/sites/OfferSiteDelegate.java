package ru.mos.localisation.sites;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Предложить площадку инвестору»: the outbox tells the investor which site is reserved for them. */
@Component("offerSite")
public class OfferSiteDelegate implements JavaDelegate {

  private final SiteService sites;

  public OfferSiteDelegate(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sites.offer(execution.getProcessBusinessKey());
  }
}
