package ru.mos.localisation.sites;

import static ru.mos.localisation.sites.SiteVariables.CANDIDATE_SITES;
import static ru.mos.localisation.sites.SiteVariables.CANDIDATE_SITES_SUMMARY;
import static ru.mos.localisation.sites.SiteVariables.CANDIDATE_SITE_IDS;
import static ru.mos.localisation.sites.SiteVariables.SITES_FOUND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** «Подобрать площадки»: the sites that fit, best first, leaving out those the investor declined. */
@Component("matchSites")
public class MatchSitesDelegate implements JavaDelegate {

  private final SiteService sites;
  private final ObjectMapper json;

  public MatchSitesDelegate(SiteService sites, ObjectMapper json) {
    this.sites = sites;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> candidates = sites.match(execution.getProcessBusinessKey(), DeclinedSites.of(execution));
    execution.setVariable(CANDIDATE_SITE_IDS, String.join(",", candidates));
    execution.setVariable(CANDIDATE_SITES_SUMMARY, sites.describeCandidates(candidates));
    execution.setVariable(CANDIDATE_SITES, SpinValues.jsonValue(options(candidates)).create());
    execution.setVariable(SITES_FOUND, !candidates.isEmpty());
  }

  private String options(List<String> candidates) {
    try {
      return json.writeValueAsString(sites.candidateOptions(candidates));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The candidate sites cannot be written as JSON", e);
    }
  }
}
