package ru.mos.localisation.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.mos.localisation.notification.InvestorNotifications;
import ru.mos.localisation.notification.Notification;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/** Registers the export-support and personnel-exchange package Mosprom prepared. */
@Service
public class SupportService {

  private final RequestRegistry registry;
  private final InvestorNotifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  public SupportService(
      RequestRegistry registry, InvestorNotifications notifications, JdbcClient jdbc, Clock clock) {
    this.registry = registry;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @throws InvalidInputException if the investor asked for a personnel exchange and the package
   *     has no plan for it
   */
  public void register(String number, List<SupportMeasure> measures, String personnelExchangePlan) {
    LocalisationRequest request = registry.get(number);
    String plan = personnelExchangePlan == null || personnelExchangePlan.isBlank() ? null : personnelExchangePlan.strip();
    if (request.personnelExchangeRequested() && plan == null) {
      throw InvalidInputException.toOfficial(
          "personnelExchangePlan", "Инвестор запросил обмен персоналом: опишите программу обмена.");
    }
    String codes = measures.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    jdbc.sql(
            """
            INSERT INTO support_package (request_number, measures, personnel_exchange_plan, registered_at)
            VALUES (?, ?, ?, ?)
            """)
        .params(number, codes, plan, OffsetDateTime.now(clock))
        .update();
    registry.addEvent(number, "SUPPORT_PACKAGE_REGISTERED", codes);
    notifications.notify(
        request,
        new Notification.SupportPackage(measures.stream().distinct().map(Enum::name).toList(), plan));
  }
}
