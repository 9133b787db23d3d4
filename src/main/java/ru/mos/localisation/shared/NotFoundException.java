package ru.mos.localisation.shared;

/** The caller named something that does not exist, or that is not theirs to know of (404). */
public non-sealed class NotFoundException extends RefusedException {

  public NotFoundException(String message) {
    super(message);
  }
}
