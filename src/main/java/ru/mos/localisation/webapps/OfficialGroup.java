package ru.mos.localisation.webapps;

import java.util.Arrays;
import java.util.List;

/**
 * The Camunda groups of officials who work in Tasklist, each with the Russian name of its
 * Tasklist filter. The ids are the candidate groups of the user tasks in the process models.
 */
public enum OfficialGroup {
  INVESTMENT_DEPARTMENT("investment-department", "Инвестиционный департамент"),
  INVESTMENT_BOARD("investment-board", "Руководство департамента"),
  COMPLIANCE("compliance", "Комплаенс"),
  ENVIRONMENTAL_REVIEW("environmental-review", "Экологическая экспертиза"),
  MOSPROM("mosprom", "Моспром"),
  SITE_ALLOCATION("site-allocation", "Размещение площадок");

  private final String id;
  private final String filterName;

  OfficialGroup(String id, String filterName) {
    this.id = id;
    this.filterName = filterName;
  }

  /** The Camunda group id. */
  public String id() {
    return id;
  }

  /** The name of the group's Tasklist filter. */
  public String filterName() {
    return filterName;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(OfficialGroup::id).toList();
  }
}
