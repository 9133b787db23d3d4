package ru.mos.localisation.intake;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The account already filed a request under this external reference. Registration raises it
 * inside the engine's transaction, which then rolls back; the investor API answers with the
 * existing request, Camunda's REST API with 409 (a REST exception passes its status through).
 * Only the account that filed the reference can meet it: the key is per account.
 */
public class DuplicateRequestException extends RestException {

  public DuplicateRequestException(String externalReference) {
    super(
        Status.CONFLICT,
        "You already registered a request with externalReference '%s'".formatted(externalReference));
  }

  private DuplicateRequestException(Status status, String message) {
    super(status, message);
  }

  /** Another intake of the same reference by the same account has not committed yet. */
  public static DuplicateRequestException beingRegistered(String externalReference) {
    return new DuplicateRequestException(
        Status.CONFLICT,
        "A request with externalReference '%s' is being registered for you at this moment".formatted(externalReference));
  }
}
