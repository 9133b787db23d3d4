package ru.mos.localisation.request;

import ru.mos.localisation.shared.NotFoundException;

/** No request with that registry number (or none the caller may see). */
public class RequestNotFoundException extends NotFoundException {

  public RequestNotFoundException(String number) {
    super("No localisation request " + number);
  }
}
