package ru.mos.localisation.sites;

import static ru.mos.localisation.process.ProcessVariables.CANDIDATE_SITES_SUMMARY;
import static ru.mos.localisation.process.ProcessVariables.CANDIDATE_SITE_IDS;
import static ru.mos.localisation.process.ProcessVariables.OFFERED_SITE_SUMMARY;
import static ru.mos.localisation.process.ProcessVariables.DECLINED_SITE_IDS;
import static ru.mos.localisation.process.ProcessVariables.OFFERED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SELECTED_SITE_ID;
import static ru.mos.localisation.process.ProcessVariables.SITES_FOUND;
import static ru.mos.localisation.process.ProcessVariables.SITE_OFFER_ACCEPTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the {@code site-allocation} process, each a thin delegate over
 * {@link SiteService}: read variables, call the service, write variables or throw a BPMN error.
 */
@Configuration(proxyBeanMethods = false)
public class SiteAllocationDelegates {

  /** Error code of {@code Error_SiteUnavailable}: the site was taken meanwhile. */
  public static final String SITE_UNAVAILABLE = "SITE_UNAVAILABLE";

  /** «Подобрать площадки». */
  @Bean
  JavaDelegate matchSites(SiteService sites) {
    return execution -> {
      List<String> candidates = sites.match(execution.getProcessBusinessKey(), declined(execution));
      execution.setVariable(CANDIDATE_SITE_IDS, String.join(",", candidates));
      execution.setVariable(CANDIDATE_SITES_SUMMARY, sites.describeCandidates(candidates));
      execution.setVariable(SITES_FOUND, !candidates.isEmpty());
    };
  }

  /** «Зарезервировать площадку»: a site taken meanwhile sends the process back to matching. */
  @Bean
  JavaDelegate reserveSite(SiteService sites) {
    return execution -> {
      String siteId = Objects.toString(execution.getVariable(SELECTED_SITE_ID), null);
      try {
        sites.reserve(execution.getProcessBusinessKey(), siteId);
      } catch (SiteUnavailableException e) {
        throw new BpmnError(SITE_UNAVAILABLE, e.getMessage());
      }
      execution.setVariable(OFFERED_SITE_ID, siteId);
      sites.siteOf(execution.getProcessBusinessKey())
          .ifPresent(site -> execution.setVariable(OFFERED_SITE_SUMMARY, SiteService.describe(site)));
    };
  }

  /** «Предложить площадку инвестору». */
  @Bean
  JavaDelegate offerSite(SiteService sites) {
    return execution -> sites.offer(execution.getProcessBusinessKey());
  }

  /** «Снять резерв площадки»: after a decline or no answer; the site is not offered again. */
  @Bean
  JavaDelegate releaseSite(SiteService sites) {
    return execution -> {
      String number = execution.getProcessBusinessKey();
      // no answer means the 14 days ran out; the investor is told the offer lapsed
      boolean answered = execution.getVariable(SITE_OFFER_ACCEPTED) != null;
      Optional<String> released = answered ? sites.release(number) : sites.expireOffer(number);
      released.ifPresent(
          siteId -> {
            List<String> declined = new ArrayList<>(declined(execution));
            declined.add(siteId);
            execution.setVariable(DECLINED_SITE_IDS, String.join(",", declined));
          });
      execution.removeVariable(SITE_OFFER_ACCEPTED);
    };
  }

  private static List<String> declined(DelegateExecution execution) {
    Object ids = execution.getVariable(DECLINED_SITE_IDS);
    return ids == null || ids.toString().isBlank() ? List.of() : List.of(ids.toString().split(","));
  }
}
