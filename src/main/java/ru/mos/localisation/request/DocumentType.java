package ru.mos.localisation.request;

/** A document an investor files with a request; the Russian title is what officials read. */
public enum DocumentType {
  BUSINESS_PLAN("Бизнес-план"),
  FINANCIAL_STATEMENTS("Финансовая отчётность"),
  CORPORATE_DOCUMENTS("Учредительные документы"),
  ENVIRONMENTAL_IMPACT_SUMMARY("Резюме оценки воздействия на окружающую среду"),
  LICENCES("Лицензии");

  private final String titleRu;

  DocumentType(String titleRu) {
    this.titleRu = titleRu;
  }

  public String titleRu() {
    return titleRu;
  }
}
