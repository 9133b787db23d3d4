package ru.mos.localisation.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * Reads a list of enum constants from a process variable: a Json array, a String holding a JSON
 * array or comma-separated names, or a collection, as the investor API, Tasklist forms and clients
 * of Camunda's REST API send them. An unknown constant is invalid input (400 from the REST APIs).
 */
public final class EnumListVariable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private EnumListVariable() {}

  public static <E extends Enum<E>> List<E> parse(Class<E> type, String variableName, Object value) {
    List<E> constants = new ArrayList<>();
    for (String name : names(type, variableName, value)) {
      try {
        constants.add(Enum.valueOf(type, name));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(variableName, "unknown value '" + name + "'");
      }
    }
    return constants;
  }

  private static List<String> names(Class<?> type, String variableName, Object value) {
    if (value == null) {
      return List.of();
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      return elements(type, variableName, json.toString());
    } else if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    } else if (value instanceof String text && text.strip().startsWith("[")) {
      return elements(type, variableName, text);
    } else if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
    throw notAList(type, variableName);
  }

  private static List<String> elements(Class<?> type, String variableName, String jsonArray) {
    JsonNode array;
    try {
      array = JSON.readTree(jsonArray);
    } catch (JsonProcessingException e) {
      throw notAList(type, variableName);
    }
    List<String> names = new ArrayList<>();
    array.forEach(element -> names.add(element.isTextual() ? element.textValue() : element.toString()));
    return names;
  }

  private static InvalidInputException notAList(Class<?> type, String variableName) {
    return InvalidInputException.of(variableName, "must be a list of " + type.getSimpleName());
  }
}
