package ru.mos.localisation.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text as people write it: no control characters, no invisible format characters (zero-width
 * spaces, soft hyphens, joiners, byte-order marks) and no text-direction overrides, embeddings or
 * isolates. Such characters make a name look like another (to officials and to screening) or
 * reorder what an official reads; no honest investor types them. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  /** Free text (a description, a reason) may keep line breaks and tabs; names and ids may not. */
  boolean multiline() default false;

  String message() default "must not contain control, invisible or text-direction characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
