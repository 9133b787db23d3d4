package ru.mos.localisation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names a person reads as the demo list's "Blocked Holdings Ltd" have its key; names that only
 * share words with it do not.
 */
class ScreeningNamesTests {

  private static final String LISTED = ScreeningNames.key("Blocked Holdings Ltd");

  @ParameterizedTest(name = "[{index}] «{0}»")
  @ValueSource(
      strings = {
        "Blocked Holdings Ltd",
        // case, spacing, punctuation
        "BLOCKED HOLDINGS LTD.",
        "blocked holdings ltd",
        "Blocked  Holdings, Ltd",
        "  Blocked\tHoldings   Ltd  ",
        "Blocked-Holdings Ltd",
        "Blocked Holdings Ltd.",
        "Blocked Holdings.",
        "«Blocked Holdings» Ltd",
        "\"Blocked Holdings\" Limited",
        // legal forms, in English and Russian, before or after the name
        "Blocked Holdings Limited",
        "Blocked Holdings",
        "Blocked Holdings LLC",
        "Blocked Holdings Inc.",
        "Blocked Holdings GmbH",
        "Blocked Holdings GmbH & Co. KG",
        "Blocked Holdings Co., Ltd.",
        "Blocked Holdings Pty. Ltd.",
        "Blocked Holdings S.A.",
        "ООО «Blocked Holdings»",
        "ООО Blocked Holdings",
        // look-alike letters from other scripts: Cyrillic В, О, С, К, Е, Н; Greek Β, Ο, Κ, Ι, Η, lower-case ο, κ
        "\u0412locked Holdings Ltd",
        "Bl\u043e\u0441ked Holdings Ltd",
        "\u0412L\u041e\u0421\u041a\u0415D \u041d\u041eLDINGS LTD",
        "\u0392l\u03bfc\u03baed Holdings Ltd",
        "BLOCKED H\u039fLD\u0399NGS LTD",
        "Blocked \u0397oldings Ltd",
        // digits and symbols that look like letters
        "B1ocked Holdings Ltd",
        "B|ocked Holdings Ltd",
        "BIocked Holdings Ltd",
        "Bl0cked Holdings Ltd",
        // invisible and space-like characters
        "Blocked\u00a0Holdings Ltd",
        "Blocked\u202fHoldings\u2007Ltd",
        "Blocked\u3000Holdings Ltd",
        "Bloc\u200bked Holdings Ltd",
        "Blocked\u200b Holdings Ltd",
        "Block\u00aded Hold\u00adings Ltd",
        "Blocked\u200d Hold\u200cings\u2060 Ltd\ufeff",
        "\u202eBlocked Holdings Ltd\u202c",
        "\u2066Blocked Holdings Ltd\u2069",
        "Blocked Holdings Ltd\u0000",
        "Blocked\u0007Holdings Ltd",
        // full-width letters, ligatures, script capitals
        "\uff22\uff4c\uff4f\uff43\uff4b\uff45\uff44 \uff28\uff4f\uff4c\uff44\uff49\uff4e\uff47\uff53 \uff2c\uff54\uff44",
        "\u212clocked Holdings Ltd",
        // accents
        "Bl\u00f6cked H\u00f3ldings Ltd",
        "Blo\u0308cked Holdings Ltd"
      })
  void lookAlikesOfAListedNameHaveItsKey(String name) {
    assertThat(ScreeningNames.key(name)).isEqualTo(LISTED);
  }

  @ParameterizedTest(name = "[{index}] «{0}»")
  @ValueSource(
      strings = {
        "Blocked Holding Ltd",
        "Blocked Holdings Group Ltd",
        "Unblocked Holdings Ltd",
        "Blocker Holdings Ltd",
        "Ge Pai New Energy Co.",
        "Holdings Ltd",
        "Ltd"
      })
  void otherNamesDoNotHaveItsKey(String name) {
    assertThat(ScreeningNames.key(name)).isNotEqualTo(LISTED);
  }

  @ParameterizedTest(name = "[{index}] «{0}»")
  @ValueSource(strings = {"Ltd", "ООО", "Limited Co"})
  void aNameOfLegalFormsOnlyKeepsThemRatherThanBecomingEmpty(String name) {
    assertThat(ScreeningNames.key(name)).isNotEmpty();
  }

  @ParameterizedTest(name = "[{index}] «{0}»")
  @ValueSource(strings = {"", "   ", "\u200b\u00ad", "...", "\u0000"})
  void nothingReadableIsAnEmptyKey(String name) {
    assertThat(ScreeningNames.key(name)).isEmpty();
  }
}
