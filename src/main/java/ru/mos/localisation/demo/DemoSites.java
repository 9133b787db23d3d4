package ru.mos.localisation.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.mos.localisation.sites.IndustrialSite;
import ru.mos.localisation.sites.SiteRegistry;
import ru.mos.localisation.sites.SiteStatus;

/**
 * Demo profile: a site registry of Moscow industrial zones and technoparks, of different sizes,
 * power and allowed hazard classes (1 is the most hazardous). Loaded once into an empty registry.
 */
@Component
@Profile("demo")
public class DemoSites implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSites.class);

  private final SiteRegistry sites;

  public DemoSites(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (sites.count() > 0) {
      return;
    }
    SAMPLE.forEach(sites::insert);
    LOG.info("Demo site registry loaded: {} sites", SAMPLE.size());
  }

  private static IndustrialSite site(
      String id, String name, String zone, String areaHa, String powerMw, Integer... hazardClasses) {
    return new IndustrialSite(
        id, name, zone, new BigDecimal(areaHa), new BigDecimal(powerMw), Set.of(hazardClasses),
        SiteStatus.AVAILABLE, null);
  }

  static final List<IndustrialSite> SAMPLE =
      List.of(
          site("MSK-001", "Технополис «Печатники», корпус 7", "ОЭЗ «Технополис Москва» — Печатники", "2.50", "6.0", 4, 5),
          site("MSK-002", "Алабушево, участок 12", "ОЭЗ «Технополис Москва» — Алабушево", "8.00", "15.0", 3, 4, 5),
          site("MSK-003", "Руднево, участок 3", "ОЭЗ «Технополис Москва» — Руднево", "6.20", "12.0", 3, 4, 5),
          site("MSK-004", "Руднево, участок 9", "ОЭЗ «Технополис Москва» — Руднево", "3.10", "5.0", 4, 5),
          site("MSK-005", "Кулон, производственный корпус", "ОЭЗ «Технополис Москва» — Кулон", "1.20", "3.0", 5),
          site("MSK-006", "Молжаниново, участок 1", "Промзона «Молжаниново»", "12.00", "25.0", 2, 3, 4, 5),
          site("MSK-007", "Молжаниново, участок 4", "Промзона «Молжаниново»", "4.50", "8.0", 3, 4, 5),
          site("MSK-008", "Калошино, корпус 2", "Промзона «Калошино»", "1.80", "2.5", 5),
          site("MSK-009", "Курьяново, участок 5", "Промзона «Курьяново»", "5.50", "11.0", 3, 4, 5),
          site("MSK-010", "Южный порт, корпус 14", "Промзона «Южный порт»", "2.00", "4.0", 4, 5),
          site("MSK-011", "Грайвороново, участок 2", "Промзона «Грайвороново»", "3.60", "7.5", 4, 5),
          site("MSK-012", "Бирюлёво, участок 8", "Промзона «Бирюлёво»", "7.40", "14.0", 3, 4, 5),
          site("MSK-013", "Очаково, корпус 1", "Промзона «Очаково»", "2.70", "5.5", 4, 5),
          site("MSK-014", "Коммунарка, участок 6", "Промзона «Коммунарка»", "9.50", "18.0", 4, 5),
          site("MSK-015", "Щербинка, участок 11", "Промзона «Щербинка»", "10.00", "20.0", 2, 3, 4, 5),
          site("MSK-016", "Троицк, технопарк", "Технопарк «Троицк»", "1.50", "3.5", 5),
          site("MSK-017", "Зеленоград, технопарк «Элма»", "Технопарк «Элма»", "2.20", "6.5", 4, 5),
          site("MSK-018", "Новопеределкино, участок 3", "Промзона «Новопеределкино»", "4.00", "9.0", 4, 5),
          site("MSK-019", "Внуково, участок 2", "Промзона «Внуково»", "15.00", "30.0", 1, 2, 3, 4, 5),
          site("MSK-020", "Котляково, корпус 5", "Промзона «Котляково»", "0.90", "1.5", 5),
          site("MSK-021", "Текстильщики, технопарк", "Технопарк «Текстильщики»", "1.10", "2.0", 5),
          site("MSK-022", "Алабушево, участок 20", "ОЭЗ «Технополис Москва» — Алабушево", "5.00", "10.0", 3, 4, 5));
}
