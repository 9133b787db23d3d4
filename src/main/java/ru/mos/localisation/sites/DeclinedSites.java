package ru.mos.localisation.sites;

import static ru.mos.localisation.sites.SiteVariables.DECLINED_SITE_IDS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The sites the investor declined or let lapse, kept comma-separated in a process variable. */
final class DeclinedSites {

  private DeclinedSites() {}

  static List<String> of(DelegateExecution execution) {
    Object ids = execution.getVariable(DECLINED_SITE_IDS);
    return ids == null || ids.toString().isBlank() ? List.of() : List.of(ids.toString().split(","));
  }
}
