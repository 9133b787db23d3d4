package ru.mos.localisation.support;

/** The variables of Mosprom's support package, set by the Mosprom specialist. */
public final class SupportVariables {

  /** The chosen export-support measures ({@link SupportMeasure}), a list. */
  public static final String SUPPORT_MEASURES = "supportMeasures";
  public static final String PERSONNEL_EXCHANGE_PLAN = "personnelExchangePlan";

  private SupportVariables() {}
}
