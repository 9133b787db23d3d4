package ru.mos.localisation.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * Reads a list of enum constants from a process variable: a Json array, a comma-separated String
 * or a collection, as the investor API, Tasklist forms and clients of Camunda's REST API send
 * them. An unknown constant is invalid input (400 from the REST APIs).
 */
public final class EnumListVariable {

  private EnumListVariable() {}

  public static <E extends Enum<E>> List<E> parse(Class<E> type, String variableName, Object value) {
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
      throw InvalidInputException.of(variableName, "must be a list of " + type.getSimpleName());
    }
    List<E> constants = new ArrayList<>();
    for (String name : names) {
      try {
        constants.add(Enum.valueOf(type, name));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(variableName, "unknown value '" + name + "'");
      }
    }
    return constants;
  }
}
