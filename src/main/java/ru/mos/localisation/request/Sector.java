package ru.mos.localisation.request;

/** The industry a localisation project belongs to; the Russian title is what officials read. */
public enum Sector {
  BATTERY_RECYCLING("Переработка литий-ионных аккумуляторов"),
  BATTERY_MANUFACTURING("Производство аккумуляторов и компонентов электромобилей"),
  BIOTECH("Биотехнологии"),
  MEDICAL_EQUIPMENT("Медицинское оборудование"),
  ELEVATORS("Лифтостроение"),
  OTHER("Другое");

  private final String titleRu;

  Sector(String titleRu) {
    this.titleRu = titleRu;
  }

  public String titleRu() {
    return titleRu;
  }
}
