package ru.mos.localisation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit with 413: at once when the declared length is too
 * large, and while reading when a chunked body grows past it. Each door answers in its own error
 * format: the investor API in problem+json, Camunda's REST API in Camunda's {@code {type, message}}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  /** Request attribute: the limit a body ran past while being read. */
  private static final String EXCEEDED_LIMIT = RequestBodyLimitFilter.class.getName() + ".exceededLimit";

  private final ToLongFunction<HttpServletRequest> limit;
  private final String contentType;
  private final LongFunction<Object> errorBody;
  private final ObjectMapper objectMapper;

  private RequestBodyLimitFilter(
      ToLongFunction<HttpServletRequest> limit,
      String contentType,
      LongFunction<Object> errorBody,
      ObjectMapper objectMapper) {
    this.limit = limit;
    this.contentType = contentType;
    this.errorBody = errorBody;
    this.objectMapper = objectMapper;
  }

  /** The investor API: one limit, errors as problem+json. */
  public static RequestBodyLimitFilter problemJson(long maxBytes, ObjectMapper objectMapper) {
    return new RequestBodyLimitFilter(
        request -> maxBytes,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        max -> {
          ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(413), BodyTooLargeException.message(max));
          // the status's name as clients have always read it (newer HTTP specs call it Content Too Large)
          problem.setTitle("Payload Too Large");
          return problem;
        },
        objectMapper);
  }

  /** Camunda's REST API: a limit per path, errors in Camunda's format (as its exception mapper writes them). */
  public static RequestBodyLimitFilter camundaJson(EngineRestProperties properties, ObjectMapper objectMapper) {
    return new RequestBodyLimitFilter(
        request -> properties.maxBytesFor(request.getRequestURI()),
        MediaType.APPLICATION_JSON_VALUE,
        max -> ExceptionDto.fromException(new BodyTooLargeException(max)),
        objectMapper);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long maxBytes = limit.applyAsLong(request);
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(contentType);
      objectMapper.writeValue(response.getWriter(), errorBody.apply(maxBytes));
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  /**
   * The limit this request's body ran past while being read, if it did: a reader may report that
   * as anything from an I/O error to an unexpected end of input.
   */
  public static OptionalLong exceededLimit(HttpServletRequest request) {
    return request.getAttribute(EXCEEDED_LIMIT) instanceof Long limit ? OptionalLong.of(limit) : OptionalLong.empty();
  }

  /** Thrown while reading a body that turned out too large; the API answers 413. */
  public static class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long maxBytes) {
      super(message(maxBytes));
    }

    private static String message(long maxBytes) {
      return "Request body exceeds " + maxBytes + " bytes";
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(this, super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final HttpServletRequest request;
    private final ServletInputStream delegate;
    private final long maxBytes;
    private long read;

    LimitedInputStream(HttpServletRequest request, ServletInputStream delegate, long maxBytes) {
      this.request = request;
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      refusePastTheLimit();
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      refusePastTheLimit();
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      refusePastTheLimit();
    }

    /** Also on every read after the first refusal: a reader that swallowed it learns nothing more. */
    private void refusePastTheLimit() throws BodyTooLargeException {
      if (read > maxBytes) {
        request.setAttribute(EXCEEDED_LIMIT, maxBytes);
        throw new BodyTooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
