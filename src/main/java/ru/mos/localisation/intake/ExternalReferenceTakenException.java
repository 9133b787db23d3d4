package ru.mos.localisation.intake;

/** Another account already filed a request under this investor and external reference. */
public class ExternalReferenceTakenException extends RuntimeException {

  public ExternalReferenceTakenException(String externalReference) {
    super("externalReference '" + externalReference + "' is already used by another account");
  }
}
