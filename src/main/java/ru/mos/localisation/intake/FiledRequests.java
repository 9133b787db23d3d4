package ru.mos.localisation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.mos.localisation.request.RequestRegistry;

/**
 * Whether a start of the process carries a request its account has filed already, asked before
 * the start: Camunda's start of a duplicate otherwise ran the process up to registration, met the
 * unique constraint there and rolled back — five times the work of the investor API's answer to
 * the same request sent again (README, Performance). Registration's unique constraint still
 * decides races; this only spares the start when the answer is known.
 */
@Component
public class FiledRequests {

  private static final Logger LOG = LoggerFactory.getLogger(FiledRequests.class);

  private final RequestRegistry registry;
  private final ObjectMapper objectMapper;

  public FiledRequests(RequestRegistry registry, ObjectMapper objectMapper) {
    this.registry = registry;
    this.objectMapper = objectMapper;
  }

  /**
   * The external reference of the request in a start's {@code request} variable if {@code account}
   * filed it before; empty otherwise, also when the variable is unreadable (registration refuses it).
   */
  public Optional<String> filedBefore(TypedValue request, String account) {
    String json = json(request);
    if (json == null || account == null) {
      return Optional.empty();
    }
    try {
      JsonNode reference = objectMapper.readTree(json).path("externalReference");
      if (!reference.isTextual()) {
        return Optional.empty();
      }
      Optional<String> filed = registry.findByExternalReference(account, reference.asText()).map(existing -> reference.asText());
      // a refusal, not a failure: one line, as registration logs it
      filed.ifPresent(text -> LOG.info("Refused a second request with externalReference '{}' from {}", text, account));
      return filed;
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String json(TypedValue request) {
    if (request instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return request != null && request.getValue() instanceof String text ? text : null;
  }
}
