package ru.mos.localisation.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that fails validation. It extends Camunda's {@link BadUserRequestException} so
 * that a start through {@code /engine-rest} answers 400, like the investor API does.
 */
public class InvalidRequestException extends BadUserRequestException {

  private final List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(
        "Invalid localisation request: "
            + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** One invalid field: its JSON path and what is wrong with it. */
  public record FieldViolation(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
