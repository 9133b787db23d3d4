package ru.mos.localisation.shared;

/** A call carrying more than the application takes: too large a file, too many of them (413). */
public non-sealed class TooLargeException extends RefusedException {

  public TooLargeException(String message) {
    super(message);
  }
}
