package ru.mos.localisation.documents;

import ru.mos.localisation.shared.NotFoundException;

/** No document of this id belongs to the request (404). */
public class DocumentNotFoundException extends NotFoundException {

  public DocumentNotFoundException(String number, String id) {
    super("Request %s has no document %s".formatted(number, id));
  }
}
