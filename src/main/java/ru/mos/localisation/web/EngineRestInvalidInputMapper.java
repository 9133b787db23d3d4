package ru.mos.localisation.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import ru.mos.localisation.shared.InvalidInputException;

/**
 * Camunda's REST API wraps an exception from a task listener into a 500. When the cause is our
 * own validation (an official's decision with a value the process does not know) or a variable
 * value the engine cannot store (Java-serialized, an {@code Object} without a type or format it
 * knows), or start options that skip listeners or mappings (refused by the engine
 * before it starts anything), the caller sent bad input: answer 400 with the message. Anything else keeps Camunda's
 * answer.
 */
@Priority(1) // ahead of Camunda's own mapper for the same exception type
public class EngineRestInvalidInputMapper implements ExceptionMapper<RestException> {

  /**
   * What the engine says about a variable value a client sent that it cannot store: a
   * Java-serialized object (refused by configuration), an {@code Object} without a type name or in
   * a serialization format it does not know. Camunda raises them as plain engine exceptions (500).
   */
  private static final List<String> UNSTORABLE_VARIABLE =
      List.of(
          "ENGINE-17007", // Java serialization format is prohibited
          "Cannot find serializer for value",
          "Cannot write serialized value for variable");
  /** Camunda's code for skipped listeners or input/output mappings on a start at the start event. */
  private static final String SKIP_AT_START_EVENT = "ENGINE-13024";

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return badRequest(invalid);
      }
      if (cause instanceof ProcessEngineException engine && unstorableVariable(engine)) {
        // in the type Camunda's REST API gives every other malformed variable
        return badRequest(new InvalidRequestException(Response.Status.BAD_REQUEST, engine.getMessage()));
      }
      // start options that skip parts of the model, which the engine refuses before it starts anything
      if (cause instanceof ProcessEngineException engine && String.valueOf(engine.getMessage()).contains(SKIP_AT_START_EVENT)) {
        return badRequest(engine);
      }
    }
    return camundaDefault.toResponse(exception);
  }

  /** Whether the engine refused a variable value a client sent (also used to log it quietly). */
  static boolean unstorableVariable(ProcessEngineException e) {
    String message = String.valueOf(e.getMessage());
    return UNSTORABLE_VARIABLE.stream().anyMatch(message::contains);
  }

  private static Response badRequest(Exception cause) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ExceptionDto.fromException(cause))
        .build();
  }
}
