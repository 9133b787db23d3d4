package ru.mos.localisation.forms;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * How facts read on an official's form: Russian number formats (digit groups, decimal comma),
 * dates in Moscow time, country names, and text from outside (the investor's) made literal for
 * Markdown, so nothing an investor types becomes a link, an image or a heading on a form.
 */
final class FormTexts {

  static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  /** Joins digit groups and a number with its unit; never breaks a line. */
  static final char NBSP = '\u00a0';

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RUSSIAN);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", RUSSIAN);

  private FormTexts() {}

  /** 2500000000 → «2 500 000 000». */
  static String grouped(long value) {
    return numberFormat("#,##0").format(value);
  }

  /** 2500000000 → «2 500 000 000 ₽». */
  static String rubles(long value) {
    return grouped(value) + NBSP + "₽";
  }

  /** 5.00 → «5», 2.50 → «2,5». */
  static String decimal(BigDecimal value) {
    return numberFormat("#,##0.##").format(value);
  }

  static String withUnit(String number, String unit) {
    return number + NBSP + unit;
  }

  /** «27.11.2026 14:05 МСК». */
  static String dateTime(Instant at) {
    return DATE_TIME.format(at.atZone(MOSCOW)) + NBSP + "МСК";
  }

  /** «11.12.2026». */
  static String date(Instant at) {
    return DATE.format(at.atZone(MOSCOW));
  }

  /** CN → «Китай»; a code that is no ISO 3166 country stays as it is. */
  static String country(String isoCode) {
    if (!COUNTRIES.contains(isoCode)) {
      return isoCode;
    }
    String name = new Locale("", isoCode).getDisplayCountry(RUSSIAN);
    return name.isBlank() ? isoCode : name;
  }

  /**
   * Text from outside made literal in Markdown: every ASCII punctuation character is escaped
   * (CommonMark lets each be), so no link, image, emphasis, heading, list or HTML comes of it;
   * line breaks stay (form-js renders them).
   */
  static String literal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder literal = new StringBuilder(text.length() + 16);
    text.strip().codePoints()
        .forEach(
            c -> {
              if (c == '\r') {
                return;
              }
              if (c < 128 && isPunctuation((char) c)) {
                literal.append('\\');
              }
              literal.appendCodePoint(c);
            });
    return literal.toString();
  }

  /** Text from outside as a Markdown block quote, line breaks kept. */
  static String quoted(String text) {
    return "> " + literal(text).replace("\n", "\n> ");
  }

  private static boolean isPunctuation(char c) {
    return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
  }

  private static DecimalFormat numberFormat(String pattern) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(RUSSIAN);
    symbols.setGroupingSeparator(NBSP);
    symbols.setDecimalSeparator(',');
    return new DecimalFormat(pattern, symbols);
  }
}
