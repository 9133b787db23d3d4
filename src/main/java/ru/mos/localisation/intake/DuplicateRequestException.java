package ru.mos.localisation.intake;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The investor already filed a request under this external reference. Registration raises it
 * inside the engine's transaction, which then rolls back; the investor API answers with the
 * existing request, Camunda's REST API with 409 (a REST exception passes its status through).
 */
public class DuplicateRequestException extends RestException {

  public DuplicateRequestException(String registrationNumber, String externalReference) {
    super(
        Status.CONFLICT,
        "A request with externalReference '%s' from investor %s is already registered"
            .formatted(externalReference, registrationNumber));
  }
}
