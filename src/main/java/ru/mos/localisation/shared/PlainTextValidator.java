package ru.mos.localisation.shared;

import ru.mos.localisation.shared.PlainText;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainText}. The refusal names the first offending character by its code point,
 * so a client can find it although it is invisible.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int refused = value.codePoints().filter(this::refused).findFirst().orElse(-1);
    if (refused < 0) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(
            "must not contain U+%04X: control, invisible or text-direction characters are refused"
                .formatted(refused))
        .addConstraintViolation();
    return false;
  }

  private boolean refused(int cp) {
    if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) {
      return false;
    }
    int type = UCharacter.getType(cp);
    return type == UCharacterCategory.CONTROL // C0, DEL, C1
        || type == UCharacterCategory.FORMAT // bidi controls U+202A–202E, U+2066–2069, ZWSP, soft hyphen, BOM…
        || type == UCharacterCategory.SURROGATE // half of a character
        || type == UCharacterCategory.LINE_SEPARATOR
        || type == UCharacterCategory.PARAGRAPH_SEPARATOR
        || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) // fillers, variation selectors
        || UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT);
  }
}
