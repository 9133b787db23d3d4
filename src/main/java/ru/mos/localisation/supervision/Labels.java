package ru.mos.localisation.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/**
 * The Russian words the board reads for the registry's codes: statuses, stages, sectors, timeline
 * events and officials' decisions. An unknown code is shown as it is (a new event type added by
 * another feature is still visible, only not yet translated).
 */
public final class Labels {

  private static final Map<RequestStatus, String> STATUSES =
      Map.of(
          RequestStatus.IN_PROGRESS, "В работе",
          RequestStatus.APPROVED, "Одобрена",
          RequestStatus.REJECTED, "Отклонена",
          RequestStatus.WITHDRAWN, "Отозвана инвестором",
          RequestStatus.CLOSED_DOCUMENTS_NOT_SUPPLIED, "Закрыта: документы не представлены",
          RequestStatus.CANCELLED, "Отменена администратором");

  private static final Map<RequestStage, String> STAGES =
      Map.of(
          RequestStage.REGISTRATION, "Регистрация",
          RequestStage.DOCUMENTS, "Документы",
          RequestStage.SCREENING, "Проверка инвестора",
          RequestStage.ASSESSMENT, "Оценка заявки",
          RequestStage.ENVIRONMENTAL_REVIEW, "Экологическая экспертиза",
          RequestStage.SUPPORT_AND_SITE, "Поддержка и площадка",
          RequestStage.FINAL_APPROVAL, "Итоговое решение",
          RequestStage.DONE, "Завершена");

  private static final Map<String, String> EVENTS =
      Map.ofEntries(
          Map.entry("REGISTERED", "Заявка зарегистрирована"),
          Map.entry("SCREENING_PASSED", "Проверка инвестора пройдена"),
          Map.entry("SCREENING_HIT", "Совпадение при проверке инвестора"),
          Map.entry("SCREENING_REVIEWED", "Совпадение рассмотрено комплаенсом"),
          Map.entry("DOCUMENTS_REQUESTED", "Запрошены недостающие документы"),
          Map.entry("DOCUMENTS_SUPPLIED", "Документы представлены"),
          Map.entry("DOCUMENT_OPENED", "Документ открыт"),
          Map.entry("PAPER_ORIGINAL_RECEIVED", "Получены бумажные оригиналы"),
          Map.entry("SITES_MATCHED", "Подобраны площадки"),
          Map.entry("NO_SITE_FOUND", "Подходящих площадок нет"),
          Map.entry("SITE_RESERVED", "Площадка зарезервирована"),
          Map.entry("SITE_OFFERED", "Площадка предложена инвестору"),
          Map.entry("SITE_RELEASED", "Резерв площадки снят"),
          Map.entry("SITE_ALLOCATED", "Площадка закреплена"),
          Map.entry("SUPPORT_PACKAGE_REGISTERED", "Пакет мер поддержки оформлен"));

  private static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("missingDocumentsConfirmed", "Перечень недостающих документов подтверждён"),
          Map.entry("paperOriginals", "Получены бумажные оригиналы"),
          Map.entry("screeningDecision", "Решение по совпадению"),
          Map.entry("screeningReason", "Основание решения по совпадению"),
          Map.entry("assessmentDecision", "Решение по оценке"),
          Map.entry("assessmentComment", "Комментарий к оценке"),
          Map.entry("escalationNote", "Указание руководства"),
          Map.entry("environmentalDecision", "Заключение экологической экспертизы"),
          Map.entry("environmentalConditions", "Условия экологической экспертизы"),
          Map.entry("supportMeasures", "Меры поддержки"),
          Map.entry("personnelExchangePlan", "План обмена персоналом"),
          Map.entry("selectedSiteId", "Выбранная площадка"),
          Map.entry("noSiteDecision", "Решение без площадки"),
          Map.entry("finalDecision", "Итоговое решение"),
          Map.entry("finalComment", "Комментарий к итоговому решению"));

  private static final Map<String, String> VALUES =
      Map.of(
          "PROCEED", "продолжить",
          "REJECT", "отклонить",
          "APPROVE", "одобрить",
          "CLEAR", "совпадение не подтверждено",
          "CONFIRM", "совпадение подтверждено",
          "WAIT", "ждать площадку",
          "true", "да",
          "false", "нет");

  /** How outcome writes the stage of a rejection ({@code at stage ASSESSMENT}). */
  private static final String REJECTED_AT = "at stage ";

  private Labels() {}

  public static String status(RequestStatus status) {
    return STATUSES.get(status);
  }

  public static String stage(RequestStage stage) {
    return STAGES.get(stage);
  }

  /** The sector's title, the same the officials' forms show. */
  public static String sector(Sector sector) {
    return sector.titleRu();
  }

  /** A timeline event of the registry: stages, final statuses and the features' events. */
  public static String event(String type) {
    if (type.startsWith("STAGE_")) {
      RequestStage stage = enumOrNull(RequestStage.class, type.substring("STAGE_".length()));
      return stage == null ? type : "Этап: " + stage(stage);
    }
    RequestStatus status = enumOrNull(RequestStatus.class, type);
    if (status != null) {
      return status == RequestStatus.IN_PROGRESS ? type : "Итог: " + status(status).toLowerCase(Locale.ROOT);
    }
    return EVENTS.getOrDefault(type, type);
  }

  /**
   * An event's detail as the board reads it: lists of documents by their titles, the stage a
   * request was rejected at by its name; anything else (site ids, an investor's reason) as it is.
   */
  public static String detail(String type, String detail) {
    if (detail == null || detail.isBlank()) {
      return detail;
    }
    if (type.equals("DOCUMENT_OPENED")) {
      // "TYPE: file name"
      int colon = detail.indexOf(':');
      DocumentType document = colon < 0 ? null : enumOrNull(DocumentType.class, detail.substring(0, colon).strip());
      return document == null ? detail : document.titleRu() + detail.substring(colon);
    }
    if (type.startsWith("DOCUMENTS_") || type.equals("PAPER_ORIGINAL_RECEIVED")) {
      List<String> titles = new ArrayList<>();
      for (String code : detail.split(",")) {
        DocumentType document = enumOrNull(DocumentType.class, code.strip());
        if (document == null) {
          return detail;
        }
        titles.add(document.titleRu());
      }
      return String.join(", ", titles);
    }
    if (detail.startsWith(REJECTED_AT)) {
      RequestStage stage = enumOrNull(RequestStage.class, detail.substring(REJECTED_AT.length()).strip());
      return stage == null ? detail : "на этапе «" + stage(stage) + "»";
    }
    return detail;
  }

  /** The Russian name of a task's field, or the name itself. */
  public static String variable(String name) {
    return VARIABLES.getOrDefault(name, name);
  }

  /** An official's choice in words ({@code PROCEED} → «продолжить»), other values as they are. */
  public static String value(String value) {
    return VALUES.getOrDefault(value, value);
  }

  static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    return null;
  }
}
