package ru.mos.localisation.notification;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.mos.localisation.request.DocumentType;
import ru.mos.localisation.request.RequestStage;

/**
 * What a step tells the investor: the facts only, never wording. The letter's words, in Russian
 * and English, are the templates' ({@link NotificationTemplates}); each fact is a template
 * variable of the same name.
 */
public sealed interface Notification {

  NotificationType type();

  /** The template variables. */
  Map<String, Object> facts();

  /** The request is registered under its number. */
  record RequestReceived() implements Notification {
    public NotificationType type() {
      return NotificationType.REQUEST_RECEIVED;
    }

    public Map<String, Object> facts() {
      return Map.of();
    }
  }

  /** Documents are missing; the request is closed unless they arrive by the deadline. */
  record DocumentsMissing(List<DocumentType> missing, ZonedDateTime deadline) implements Notification {
    public NotificationType type() {
      return NotificationType.DOCUMENTS_MISSING;
    }

    public Map<String, Object> facts() {
      return Map.of("missing", names(missing), "deadline", deadline);
    }
  }

  /** The missing documents did not arrive within {@code days}. */
  record ClosedDocumentsNotSupplied(List<DocumentType> missing, int days) implements Notification {
    public NotificationType type() {
      return NotificationType.CLOSED_DOCUMENTS_NOT_SUPPLIED;
    }

    public Map<String, Object> facts() {
      return Map.of("missing", names(missing), "days", days);
    }
  }

  /** A site is reserved for the investor, who accepts or declines it by {@code answerBy}. */
  record SiteOffered(Site site, ZonedDateTime answerBy) implements Notification {
    public NotificationType type() {
      return NotificationType.SITE_OFFERED;
    }

    public Map<String, Object> facts() {
      return Map.of("site", site.facts(), "answerBy", answerBy);
    }
  }

  /** The offer of a site lapsed without an answer after {@code days}; another site is sought. */
  record SiteOfferExpired(Site site, int days) implements Notification {
    public NotificationType type() {
      return NotificationType.SITE_OFFER_EXPIRED;
    }

    public Map<String, Object> facts() {
      return Map.of("site", site.facts(), "days", days);
    }
  }

  /**
   * Mosprom's support package: its measures (the names of {@code support.SupportMeasure}) and the
   * personnel-exchange plan, if any (the specialists' own words, in Russian).
   */
  record SupportPackage(List<String> measures, String personnelExchangePlan) implements Notification {
    public NotificationType type() {
      return NotificationType.SUPPORT_PACKAGE_REGISTERED;
    }

    public Map<String, Object> facts() {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("measures", List.copyOf(measures));
      facts.put("personnelExchangePlan", blankToNull(personnelExchangePlan));
      return facts;
    }
  }

  /** Approved: the investment agreement's number and the site allocated. */
  record Approved(String agreementNumber, Site site) implements Notification {
    public NotificationType type() {
      return NotificationType.APPROVED;
    }

    public Map<String, Object> facts() {
      return Map.of("agreementNumber", agreementNumber, "site", site.facts());
    }
  }

  /**
   * Rejected at a stage (as the investor knows the stages), with the officials' reason in their own
   * words, or null when they gave none the investor may read; or because no suitable site was found.
   */
  record Rejected(RequestStage stage, String reason, boolean noSuitableSite) implements Notification {
    public NotificationType type() {
      return NotificationType.REJECTED;
    }

    public Map<String, Object> facts() {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("stage", stage.name());
      facts.put("reason", blankToNull(reason));
      facts.put("noSuitableSite", noSuitableSite);
      return facts;
    }
  }

  /** Withdrawn by the investor at a stage, with the reason they gave. */
  record Withdrawn(RequestStage stage, String reason) implements Notification {
    public NotificationType type() {
      return NotificationType.WITHDRAWN;
    }

    public Map<String, Object> facts() {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("stage", stage.name());
      facts.put("reason", blankToNull(reason));
      return facts;
    }
  }

  /** Cancelled by the city's administration at a stage. */
  record Cancelled(RequestStage stage) implements Notification {
    public NotificationType type() {
      return NotificationType.CANCELLED;
    }

    public Map<String, Object> facts() {
      return Map.of("stage", stage.name());
    }
  }

  /** An industrial site as the investor is told it. */
  record Site(String id, String name, String zone, BigDecimal areaHa, BigDecimal powerMw) {
    Map<String, Object> facts() {
      return Map.of(
          "id", id,
          "name", name,
          "zone", zone,
          "areaHa", areaHa.stripTrailingZeros().toPlainString(),
          "powerMw", powerMw.stripTrailingZeros().toPlainString());
    }
  }

  private static List<String> names(List<DocumentType> documents) {
    return documents.stream().map(Enum::name).toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
