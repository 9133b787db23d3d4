package ru.mos.localisation.request;

/** No request with that registry number (or none the caller may see). */
public class RequestNotFoundException extends RuntimeException {

  public RequestNotFoundException(String number) {
    super("No localisation request " + number);
  }
}
