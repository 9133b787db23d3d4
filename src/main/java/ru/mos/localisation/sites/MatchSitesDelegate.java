package ru.mos.localisation.sites;

import static ru.mos.localisation.sites.SiteVariables.CANDIDATE_SITES_SUMMARY;
import static ru.mos.localisation.sites.SiteVariables.CANDIDATE_SITE_IDS;
import static ru.mos.localisation.sites.SiteVariables.SITES_FOUND;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Подобрать площадки»: the sites that fit, best first, leaving out those the investor declined. */
@Component("matchSites")
public class MatchSitesDelegate implements JavaDelegate {

  private final SiteService sites;

  public MatchSitesDelegate(SiteService sites) {
    this.sites = sites;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> candidates = sites.match(execution.getProcessBusinessKey(), DeclinedSites.of(execution));
    execution.setVariable(CANDIDATE_SITE_IDS, String.join(",", candidates));
    execution.setVariable(CANDIDATE_SITES_SUMMARY, sites.describeCandidates(candidates));
    execution.setVariable(SITES_FOUND, !candidates.isEmpty());
  }
}
