package ru.mos.localisation.supervision;

import java.util.ArrayList;
import java.util.List;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.InvalidInputException.FieldViolation;

/**
 * What the register shows: filters (null: any), a search in registry numbers and investors' names,
 * and a page.
 */
public record RegisterQuery(RequestStatus status, RequestStage stage, Sector sector, String search, int page, int size) {

  public static final int MAX_PAGE_SIZE = 100;
  /** The most rows one CSV export holds. */
  public static final int MAX_EXPORT_ROWS = 10_000;
  static final int MAX_SEARCH_LENGTH = 100;

  /** Parses the plugin's parameters; each wrong one is named, in Russian, in one 400. */
  public static RegisterQuery of(String status, String stage, String sector, String search, Integer page, Integer size) {
    List<FieldViolation> violations = new ArrayList<>();
    RequestStatus parsedStatus = parse(RequestStatus.class, "status", status, violations);
    RequestStage parsedStage = parse(RequestStage.class, "stage", stage, violations);
    Sector parsedSector = parse(Sector.class, "sector", sector, violations);
    String trimmed = search == null ? null : search.strip();
    if (trimmed != null && trimmed.length() > MAX_SEARCH_LENGTH) {
      violations.add(new FieldViolation("q", "не длиннее " + MAX_SEARCH_LENGTH + " символов"));
    }
    int parsedPage = page == null ? 0 : page;
    int parsedSize = size == null ? 20 : size;
    if (parsedPage < 0) {
      violations.add(new FieldViolation("page", "номер страницы не может быть отрицательным"));
    }
    if (parsedSize < 1 || parsedSize > MAX_PAGE_SIZE) {
      violations.add(new FieldViolation("size", "от 1 до " + MAX_PAGE_SIZE + " строк на странице"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new RegisterQuery(
        parsedStatus, parsedStage, parsedSector, trimmed == null || trimmed.isEmpty() ? null : trimmed, parsedPage, parsedSize);
  }

  /** The same filters and search, every row (up to the export's limit). */
  public RegisterQuery everyRow() {
    return new RegisterQuery(status, stage, sector, search, 0, MAX_EXPORT_ROWS);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    E parsed = Labels.enumOrNull(type, value.strip());
    if (parsed == null) {
      violations.add(new FieldViolation(field, "неизвестное значение; допустимы " + List.of(type.getEnumConstants())));
    }
    return parsed;
  }
}
