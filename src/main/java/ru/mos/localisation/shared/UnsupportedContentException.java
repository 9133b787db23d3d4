package ru.mos.localisation.shared;

/** Content of a kind the application does not take, e.g. an uploaded file that is no document (415). */
public non-sealed class UnsupportedContentException extends RefusedException {

  public UnsupportedContentException(String message) {
    super(message);
  }
}
