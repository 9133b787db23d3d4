package ru.mos.localisation.supervision.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.mos.localisation.supervision.RegisterRow;

/**
 * The register as CSV that Excel opens as it is: UTF-8 with a byte order mark, semicolons (Excel's
 * separator in a Russian locale), CRLF line ends, fields quoted where they hold a separator, a
 * quote or a line break (RFC 4180), and a cell that a spreadsheet would read as a formula (it
 * begins with {@code = + - @}, a tab or a carriage return) prefixed with an apostrophe.
 */
final class RegisterCsv {

  static final String BOM = "\uFEFF";
  static final List<String> HEADER =
      List.of(
          "Номер", "Инвестор", "Отрасль", "Статус", "Этап", "Зарегистрирована", "Завершена", "Дней в работе",
          "Просрочена", "Номер соглашения", "Площадка");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private RegisterCsv() {}

  static String of(List<RegisterRow> rows) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, HEADER.stream());
    for (RegisterRow row : rows) {
      line(
          csv,
          Stream.of(
              row.number(),
              row.investorName(),
              row.sectorName(),
              row.statusName(),
              row.stageName(),
              date(row.registeredAt()),
              date(row.finishedAt()),
              Long.toString(row.daysOpen()),
              row.overdue() ? "да" : "нет",
              row.agreementNumber(),
              row.site()));
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, Stream<String> fields) {
    csv.append(fields.map(RegisterCsv::field).collect(Collectors.joining(";"))).append("\r\n");
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String date(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(java.time.ZoneId.of("Europe/Moscow")).format(DATE);
  }
}
