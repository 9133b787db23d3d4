package ru.mos.localisation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.InvalidInputException.FieldViolation;

/**
 * Turns the {@code request} start variable into a validated {@link NewLocalisationRequest}. The
 * variable is a {@code Json} or {@code String} value when a client starts the process through
 * Camunda's REST API, and the record itself when the investor API starts it.
 */
@Component
public class RequestPayloadReader {

  private final ObjectMapper objectMapper;
  private final Validator validator;

  public RequestPayloadReader(ObjectMapper objectMapper, Validator validator) {
    this.objectMapper = objectMapper;
    this.validator = validator;
  }

  public NewLocalisationRequest read(Object variable) {
    NewLocalisationRequest request;
    if (variable instanceof NewLocalisationRequest record) {
      request = record;
    } else if (variable instanceof SpinJsonNode json) {
      request = parse(json.toString());
    } else if (variable instanceof String text) {
      request = parse(text);
    } else {
      throw invalid("request", "must be given as a Json variable");
    }
    validate(request);
    return request;
  }

  public void validate(NewLocalisationRequest request) {
    List<FieldViolation> violations =
        validator.validate(request).stream()
            .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
            .sorted(Comparator.comparing(FieldViolation::field))
            .toList();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private NewLocalisationRequest parse(String json) {
    try {
      NewLocalisationRequest request = objectMapper.readValue(json, NewLocalisationRequest.class);
      if (request == null) {
        throw invalid("request", "must be a JSON object");
      }
      return request;
    } catch (JsonMappingException e) {
      throw InvalidInputException.of(e);
    } catch (JsonProcessingException e) {
      throw invalid("request", "is not well-formed JSON");
    }
  }

  private static InvalidInputException invalid(String field, String message) {
    return InvalidInputException.of(field, message);
  }
}
