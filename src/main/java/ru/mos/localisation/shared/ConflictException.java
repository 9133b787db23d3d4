package ru.mos.localisation.shared;

/** The call does not fit the current state: a duplicate, or a step the request is not at (409). */
public non-sealed class ConflictException extends RefusedException {

  public ConflictException(String message) {
    super(message);
  }
}
