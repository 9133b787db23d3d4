package ru.mos.localisation.shared;

/**
 * A call the application refuses because of what the caller asked, not because something broke:
 * the caller's to fix, answered with a 4xx by every door and logged as no error. Its kinds are the
 * kernel's subclasses; features refine them.
 */
public abstract sealed class RefusedException extends RuntimeException
    permits InvalidInputException, NotFoundException, ConflictException {

  protected RefusedException(String message) {
    super(message);
  }
}
