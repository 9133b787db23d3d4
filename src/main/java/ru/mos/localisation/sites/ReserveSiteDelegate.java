package ru.mos.localisation.sites;

import static ru.mos.localisation.sites.SiteVariables.OFFERED_SITE_ID;
import static ru.mos.localisation.sites.SiteVariables.OFFERED_SITE_SUMMARY;
import static ru.mos.localisation.sites.SiteVariables.SELECTED_SITE_ID;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Зарезервировать площадку»: a site taken meanwhile sends the process back to matching. */
@Component("reserveSite")
public class ReserveSiteDelegate implements JavaDelegate {

  /** Error code of {@code Error_SiteUnavailable}: the site was taken meanwhile. */
  public static final String SITE_UNAVAILABLE = "SITE_UNAVAILABLE";

  private final SiteService sites;

  public ReserveSiteDelegate(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String siteId = Objects.toString(execution.getVariable(SELECTED_SITE_ID), null);
    try {
      sites.reserve(execution.getProcessBusinessKey(), siteId);
    } catch (SiteUnavailableException e) {
      throw new BpmnError(SITE_UNAVAILABLE, e.getMessage());
    }
    execution.setVariable(OFFERED_SITE_ID, siteId);
    sites.siteOf(execution.getProcessBusinessKey())
        .ifPresent(site -> execution.setVariable(OFFERED_SITE_SUMMARY, SiteService.describe(site)));
  }
}
