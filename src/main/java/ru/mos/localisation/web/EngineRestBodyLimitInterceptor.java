package ru.mos.localisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.OptionalLong;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import ru.mos.localisation.web.RequestBodyLimitFilter.BodyTooLargeException;

/**
 * A chunked body that runs past {@link RequestBodyLimitFilter}'s limit breaks off while Camunda's
 * REST API reads it, and its readers report that as they see fit: Jackson as an unexpected end of
 * JSON (400 with an empty message), the multipart reader as a form it cannot process. Whatever a
 * read of such a body fails with, the answer is 413 in Camunda's error format.
 */
public class EngineRestBodyLimitInterceptor implements ReaderInterceptor {

  @Context private HttpServletRequest request;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (IOException | RuntimeException e) {
      OptionalLong limit = RequestBodyLimitFilter.exceededLimit(request);
      if (limit.isEmpty()) {
        throw e;
      }
      // a WebApplicationException with an entity is answered as it is, past every exception mapper
      throw new WebApplicationException(
          e,
          Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(ExceptionDto.fromException(new BodyTooLargeException(limit.getAsLong())))
              .build());
    }
  }
}
