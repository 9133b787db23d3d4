package ru.mos.localisation.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.mos.localisation.shared.ConflictException;
import ru.mos.localisation.shared.InvalidInputException;
import ru.mos.localisation.shared.NotFoundException;

/**
 * Turns every failure of the investor API into RFC 9457 problem+json. Validation failures carry
 * an {@code errors} list of {@code {field, message}}; nothing ever shows a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .toList();
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldError(
                                    // a validated body names its own field (documents[0]),
                                    // a path variable or request parameter its parameter name
                                    error instanceof org.springframework.validation.FieldError field
                                        ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage());
    }
    // a syntax error inside a nested object reaches us wrapped with that object's path
    if (cause instanceof JsonParseException) {
      return problem(HttpStatus.BAD_REQUEST, "Request body is not well-formed JSON");
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalidInput(InvalidInputException.of(mapping));
    }
    String detail =
        e.getCause() instanceof JsonProcessingException
            ? "Request body is not well-formed JSON"
            : "Request body is missing or unreadable";
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalidInput(InvalidInputException e) {
    return invalid(
        e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** E.g. a message the request does not wait for; the caller's own reference still being registered. */
  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Two callers changed the same request at once; the other one won, this one may retry. */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Object> concurrentChange(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "The request was changed concurrently; please retry");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      // nothing was committed: the transaction could not even talk to the database
      LOG.warn("Database unreachable: {}", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL));
    }
    LOG.error("Unexpected error in the investor API", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred");
  }

  private static ResponseEntity<Object> invalid(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
    problem.setTitle("Validation failed");
    problem.setProperty(
        "errors",
        errors.stream()
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList());
    return ResponseEntity.badRequest().body(problem);
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
