package ru.mos.localisation.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import ru.mos.localisation.shared.ConflictException;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.NotFoundException;
import ru.mos.localisation.shared.RefusedException;
import ru.mos.localisation.shared.TooLargeException;
import ru.mos.localisation.shared.UnsupportedContentException;

/**
 * How Camunda's REST API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine})
 * answers what the application refuses. Camunda turns an exception raised inside the engine into
 * a 500, often wrapped into its own; when the cause is a refusal ({@link RefusedException}: bad
 * input 400, unknown 404, conflict
 * 409), a variable value the engine cannot store, or start options
 * that skip listeners or mappings (both refused by the engine), the caller sent something wrong and
 * gets the 4xx in Camunda's error format. Anything else keeps Camunda's answer. One mapper per
 * exception type Camunda maps itself, since JAX-RS picks the mapper of the closest type.
 *
 * <p>The two doors say an official's refused input differently: the webapps' door, which Tasklist
 * shows to the official, gives the refusal's own message (an official's decision refused in a
 * Russian sentence without ids); {@code /engine-rest}, whose clients are programs, names every
 * field ({@code Invalid input: field: message}).
 */
public final class EngineRestErrors {

  /** Every mapper, to register with a JAX-RS application. */
  public static final List<Class<?>> MAPPERS =
      List.of(Refusals.class, WrappedInRestException.class, WrappedInEngineException.class);

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

  private EngineRestErrors() {}

  /** A refusal raised outside any engine exception. */
  @Priority(1)
  public static class Refusals implements ExceptionMapper<RefusedException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(RefusedException refusal) {
      return answer(refusal, toOfficial(request));
    }
  }

  /** Camunda's own REST exception, whose cause may be a refusal. */
  @Priority(1) // ahead of Camunda's own mapper for the same exception type
  public static class WrappedInRestException implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(RestException exception) {
      return clientError(exception, toOfficial(request)).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** An engine exception, whose cause may be a refusal. */
  @Priority(1)
  public static class WrappedInEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return clientError(exception, toOfficial(request)).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Whether the engine refused a variable value a client sent (also used to log it quietly). */
  static boolean unstorableVariable(ProcessEngineException e) {
    String message = String.valueOf(e.getMessage());
    return UNSTORABLE_VARIABLE.stream().anyMatch(message::contains);
  }

  /** Whether the call came through the webapps' door, whose answers Tasklist shows to an official. */
  private static boolean toOfficial(HttpServletRequest request) {
    return request != null && !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  private static Optional<Response> clientError(Throwable exception, boolean toOfficial) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedException refusal) {
        return Optional.of(answer(refusal, toOfficial));
      }
      if (cause instanceof ProcessEngineException engine && unstorableVariable(engine)) {
        // in the type Camunda's REST API gives every other malformed variable
        return Optional.of(answer(Response.Status.BAD_REQUEST, new InvalidRequestException(Response.Status.BAD_REQUEST, engine.getMessage())));
      }
      // start options that skip parts of the model, which the engine refuses before it starts anything
      if (cause instanceof ProcessEngineException engine && String.valueOf(engine.getMessage()).contains(SKIP_AT_START_EVENT)) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, engine));
      }
    }
    return Optional.empty();
  }

  private static Response answer(RefusedException refusal, boolean toOfficial) {
    if (!toOfficial && refusal instanceof InvalidInputException invalid) {
      // every field named, for programs
      refusal = new InvalidInputException(invalid.violations());
    }
    Response.Status status = Response.Status.BAD_REQUEST;
    if (refusal instanceof NotFoundException) {
      status = Response.Status.NOT_FOUND;
    } else if (refusal instanceof ConflictException) {
      status = Response.Status.CONFLICT;
    } else if (refusal instanceof UnsupportedContentException) {
      status = Response.Status.UNSUPPORTED_MEDIA_TYPE;
    } else if (refusal instanceof TooLargeException) {
      status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
    }
    return answer(status, refusal);
  }

  private static Response answer(Response.Status status, Exception cause) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ExceptionDto.fromException(cause))
        .build();
  }
}
