package ru.mos.localisation.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Facts as officials read them on a form: Russian numbers and dates, the investor's text as text. */
class FormTextsTests {

  private static final String NBSP = "\u00a0";

  @Test
  void amountsAreGroupedInRussianWithTheRubleSign() {
    assertThat(FormTexts.rubles(2_500_000_000L)).isEqualTo("2 500 000 000 ₽".replace(" ", NBSP));
    assertThat(FormTexts.grouped(320)).isEqualTo("320");
    assertThat(FormTexts.decimal(new BigDecimal("5.00"))).isEqualTo("5");
    assertThat(FormTexts.decimal(new BigDecimal("2.50"))).isEqualTo("2,5");
    assertThat(FormTexts.decimal(new BigDecimal("1250.75"))).isEqualTo("1" + NBSP + "250,75");
  }

  @Test
  void timesAreMoscowTimeAndCountriesRussianNames() {
    assertThat(FormTexts.dateTime(Instant.parse("2026-11-27T13:05:00Z"))).isEqualTo("27.11.2026 16:05" + NBSP + "МСК");
    assertThat(FormTexts.country("CN")).isEqualTo("Китай");
    assertThat(FormTexts.country("DE")).isEqualTo("Германия");
    assertThat(FormTexts.country("ZZ")).isEqualTo("ZZ");
  }

  @Test
  void theInvestorsTextIsNeverMarkup() {
    String typed = "# Plan ![x](http://evil.example/p.png) [link](http://evil.example/) <img src=x> *bold* {{requestCard}}";

    String literal = FormTexts.literal(typed);

    // every markup character escaped, so Markdown shows the text as typed
    assertThat(literal)
        .isEqualTo(
            "\\# Plan \\!\\[x\\]\\(http\\:\\/\\/evil\\.example\\/p\\.png\\) \\[link\\]\\(http\\:\\/\\/evil\\.example\\/\\)"
                + " \\<img src\\=x\\> \\*bold\\* \\{\\{requestCard\\}\\}");
    assertThat(FormTexts.quoted("first line\r\nsecond - line")).isEqualTo("> first line\n> second \\- line");
  }
}
