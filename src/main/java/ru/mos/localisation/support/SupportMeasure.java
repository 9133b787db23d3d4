package ru.mos.localisation.support;

/** Export-support measures Mosprom offers. */
public enum SupportMeasure {
  TRADE_MISSION,
  FAIR_PARTICIPATION,
  CERTIFICATION,
  EXPORT_CREDIT
}
