package ru.mos.localisation.screening;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screening's idea of "the same company name": two names that a person would read as one get the
 * same {@link #key key}. The key ignores
 *
 * <ul>
 *   <li>compatibility forms (full-width letters, ligatures, no-break spaces: Unicode NFKC),
 *   <li>invisible characters (zero-width spaces, soft hyphens, direction marks, controls),
 *   <li>look-alike letters from other scripts (Cyrillic «В» for Latin B, Greek «Ο» for O, «1» for
 *       l), by Unicode's confusable skeletons (UTS #39, ICU's {@link SpoofChecker}),
 *   <li>case, accents, punctuation and spacing ("Blocked  Holdings, Ltd." reads as "Blocked
 *       Holdings Ltd"),
 *   <li>legal forms at either end (Ltd, Limited, LLC, Inc, GmbH, ООО, …), so that a company is
 *       found whatever form it files under.
 * </ul>
 *
 * <p>The key is for comparing only, never for display: the skeleton deliberately merges letters
 * people confuse (I and l, O and 0), so it errs towards a hit, which compliance then reviews.
 */
public final class ScreeningNames {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  /** Thread-safe for skeletons once built (ICU's documentation of SpoofChecker). */
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

  /** Legal forms as they are written; compared by their own keys, so «ООО» and "OOO" are one. */
  private static final List<String> LEGAL_FORMS =
      List.of(
          "Ltd", "Limited", "LLC", "LLP", "LP", "PLC", "Inc", "Incorporated", "Corp", "Corporation",
          "Co", "Company", "GmbH", "AG", "KG", "OHG", "UG", "SE", "SA", "SARL", "SAS", "SpA", "Srl",
          "BV", "NV", "AB", "AS", "ASA", "Oy", "Oyj", "ApS", "Pte", "Pty", "KK", "JSC", "PJSC", "OJSC",
          "CJSC", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "ИП", "ТОО", "ОДО", "ЧП");

  private static final Set<String> LEGAL_FORM_KEYS =
      LEGAL_FORMS.stream().map(ScreeningNames::readable).collect(Collectors.toUnmodifiableSet());

  /** "&" joins like "and": "Smith & Co" and "Smith and Co" are one name. */
  private static final String AND = readable("and");

  private ScreeningNames() {}

  /** The comparison key of a name; empty when nothing readable is left of it. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    List<String> words = new ArrayList<>(Arrays.asList(readable(name).split(" ")));
    words.removeIf(String::isEmpty);
    withoutLegalForms(words);
    return String.join("", words);
  }

  /**
   * The name as a reader takes it in, as lower-case words separated by single spaces: look-alikes
   * folded, invisible characters gone, punctuation turned into spaces.
   */
  private static String readable(String name) {
    String visible = visibleOnly(NFKC.normalize(name));
    // Upper case first: a capital Cyrillic В is confusable with B, but its lower case в with no
    // Latin letter; skeletons are case-sensitive, so compare the capitals people see
    String upper = UCharacter.toUpperCase(ULocale.ROOT, visible);
    String folded = NFKC_CASEFOLD.normalize(CONFUSABLES.getSkeleton(upper));
    StringBuilder out = new StringBuilder(folded.length());
    NFD.normalize(folded)
        .codePoints()
        .forEach(
            cp -> {
              int type = UCharacter.getType(cp);
              if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK) {
                return; // accents: "Blöcked" is read as "Blocked"
              }
              if (cp == '.' || cp == '\'') {
                return; // inside abbreviations and names: "S.A.", "Ltd.", "O'Neil"
              }
              if (cp == '&') {
                out.append(' ').append("and").append(' ');
              } else if (UCharacter.isLetterOrDigit(cp) || type == UCharacterCategory.COMBINING_SPACING_MARK) {
                out.appendCodePoint(cp);
              } else {
                out.append(' ');
              }
            });
    return out.toString().strip().replaceAll(" +", " ");
  }

  /** Controls become spaces; format characters and other default-ignorables disappear. */
  private static String visibleOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              int type = UCharacter.getType(cp);
              if (type == UCharacterCategory.CONTROL) {
                out.append(' ');
              } else if (type != UCharacterCategory.FORMAT
                  && !UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** Drops legal forms (and an "and" before them) from both ends, never the whole name. */
  private static void withoutLegalForms(List<String> words) {
    trimEnd(words);
    Collections.reverse(words);
    trimEnd(words);
    Collections.reverse(words);
  }

  private static void trimEnd(List<String> words) {
    boolean droppedForm = false;
    while (words.size() > 1) {
      String last = words.get(words.size() - 1);
      boolean form = LEGAL_FORM_KEYS.contains(last);
      // "GmbH & Co. KG", "Smith & Co": the "and" belongs to the legal form dropped after it
      if (!form && !(droppedForm && last.equals(AND))) {
        return;
      }
      words.remove(words.size() - 1);
      droppedForm = droppedForm || form;
    }
  }
}
