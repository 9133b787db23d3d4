package ru.mos.localisation.intake;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The investor already filed a request under this external reference. Registration raises it
 * inside the engine's transaction (which then rolls back); intake answers with the existing one.
 */
public class DuplicateRequestException extends BadUserRequestException {

  public DuplicateRequestException(String registrationNumber, String externalReference) {
    super(
        "A request with externalReference '%s' from investor %s is already registered"
            .formatted(externalReference, registrationNumber));
  }
}
