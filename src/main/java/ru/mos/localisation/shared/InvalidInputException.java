package ru.mos.localisation.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that fails validation: a request body, a start variable, a message variable or an
 * official's decision: 400 with the fields on every door (the web module maps it).
 */
public final class InvalidInputException extends RefusedException {

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    this(
        "Invalid input: "
            + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")),
        violations);
  }

  private InvalidInputException(String message, List<FieldViolation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldViolation(field, message)));
  }

  /**
   * An official's decision that cannot be taken as given, said in Russian for the official who
   * reads it in Tasklist: the message is the sentence alone, without the field's id (which the
   * violation still names for clients of the REST API).
   */
  public static InvalidInputException toOfficial(String field, String russianSentence) {
    return new InvalidInputException(russianSentence, List.of(new FieldViolation(field, russianSentence)));
  }

  /** The same refusal said to an official: the Russian sentence, the violations kept for clients. */
  public InvalidInputException toOfficial(String russianSentence) {
    return new InvalidInputException(russianSentence, violations);
  }

  /**
   * A JSON value that does not fit its field (wrong type, unknown enum constant), named by its
   * path in the document, e.g. {@code project.sector} or {@code documents[2]}.
   */
  public static InvalidInputException of(JsonMappingException e) {
    if (e.getCause() instanceof JsonParseException) {
      // a syntax error inside a nested object arrives wrapped with that object's path
      return of("request", "is not well-formed JSON");
    }
    String path =
        e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining());
    String field = path.startsWith(".") ? path.substring(1) : path;
    String message =
        e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()
            ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
            : "has a wrong type or value";
    return of(field.isEmpty() ? "request" : field, message);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** One invalid field: its path and what is wrong with it. */
  public record FieldViolation(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
