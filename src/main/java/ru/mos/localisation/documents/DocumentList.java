package ru.mos.localisation.documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import ru.mos.localisation.request.InvalidInputException;
import ru.mos.localisation.request.DocumentType;

/**
 * Reads a list of document types from a process variable: a comma-separated String, a Json
 * array or a collection, as the investor API and clients of Camunda's REST API send them.
 */
final class DocumentList {

  private DocumentList() {}

  static List<DocumentType> parse(String variableName, Object value) {
    List<String> names = new ArrayList<>();
    if (value == null) {
      return List.of();
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> names.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> names.add(String.valueOf(element)));
    } else if (value instanceof String text) {
      for (String name : text.replaceAll("[\\[\\]\"\\s]", "").split(",")) {
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    } else {
      throw invalid(variableName, "must be a list of document types");
    }
    List<DocumentType> documents = new ArrayList<>();
    for (String name : names) {
      try {
        documents.add(DocumentType.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw invalid(variableName, "unknown document type '" + name + "'");
      }
    }
    return documents;
  }

  private static InvalidInputException invalid(String field, String message) {
    return InvalidInputException.of(field, message);
  }
}
