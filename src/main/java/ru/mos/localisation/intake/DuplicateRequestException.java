package ru.mos.localisation.intake;

import ru.mos.localisation.shared.ConflictException;

/**
 * The account already filed a request under this external reference. Registration raises it
 * inside the engine's transaction, which then rolls back; the investor API answers with the
 * existing request, Camunda's REST API with 409 (a conflict, as the web module maps it).
 * Only the account that filed the reference can meet it: the key is per account.
 */
public class DuplicateRequestException extends ConflictException {

  public DuplicateRequestException(String externalReference) {
    this(externalReference, "You already registered a request with externalReference '%s'");
  }

  private DuplicateRequestException(String externalReference, String message) {
    super(message.formatted(externalReference));
  }

  /** Another intake of the same reference by the same account has not committed yet. */
  public static DuplicateRequestException beingRegistered(String externalReference) {
    return new DuplicateRequestException(
        externalReference, "A request with externalReference '%s' is being registered for you at this moment");
  }
}
