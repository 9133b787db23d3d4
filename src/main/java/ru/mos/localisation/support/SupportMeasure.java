package ru.mos.localisation.support;

/** Export-support measures Mosprom offers; the Russian title is what officials read. */
public enum SupportMeasure {
  TRADE_MISSION("Бизнес-миссия"),
  FAIR_PARTICIPATION("Участие в выставке"),
  CERTIFICATION("Сертификация"),
  EXPORT_CREDIT("Экспортный кредит");

  private final String titleRu;

  SupportMeasure(String titleRu) {
    this.titleRu = titleRu;
  }

  public String titleRu() {
    return titleRu;
  }
}
