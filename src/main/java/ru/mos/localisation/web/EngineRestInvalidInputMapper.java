package ru.mos.localisation.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import ru.mos.localisation.request.InvalidInputException;

/**
 * Camunda's REST API wraps an exception from a task listener into a 500. When the cause is our
 * own validation (an official's decision with a value the process does not know) or a
 * Java-serialized variable (refused by configuration), or start options that skip listeners or
 * mappings (refused by the engine), the caller sent bad input: answer 400 with
 * the message. Anything else keeps Camunda's answer.
 */
@Priority(1) // ahead of Camunda's own mapper for the same exception type
public class EngineRestInvalidInputMapper implements ExceptionMapper<RestException> {

  /** Camunda's code for "Java serialization format is prohibited". */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  /** Camunda's code for skipped listeners or input/output mappings on a start at the start event. */
  private static final String SKIP_AT_START_EVENT = "ENGINE-13024";

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return badRequest(invalid);
      }
      // a Java-serialized variable, which this application refuses to deserialize
      if (cause instanceof ProcessEngineException engine && String.valueOf(engine.getMessage()).contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return badRequest(engine);
      }
      // start options that skip parts of the model, which the engine refuses before it starts anything
      if (cause instanceof ProcessEngineException engine && String.valueOf(engine.getMessage()).contains(SKIP_AT_START_EVENT)) {
        return badRequest(engine);
      }
    }
    return camundaDefault.toResponse(exception);
  }

  private static Response badRequest(Exception cause) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ExceptionDto.fromException(cause))
        .build();
  }
}
