package ru.mos.localisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The tests' one HTTP client: Spring's {@link RestClient} over the JDK's {@link HttpClient}
 * (HTTP/1.1), as a client of the running application sees it. It never throws on a 4xx or 5xx —
 * tests assert statuses — and it sends exactly the headers a test sets: HTTP Basic through {@link
 * #as} ({@code defaultHeaders(h -> h.setBasicAuth(...))}), anything else (Origin, Sec-Fetch-Site,
 * X-Forwarded-*, a hand-made Authorization) per request. Bodies go as the bytes given, with their
 * Content-Length, or chunked without one ({@link Request#chunked}). {@link #withSession()} keeps
 * cookies (a webapp session and its {@code XSRF-TOKEN}).
 */
public final class HttpTestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final RestClient rest;
  private final CookieManager cookies;
  private final Duration timeout;

  private HttpTestClient(String baseUrl, RestClient rest, CookieManager cookies, Duration timeout) {
    this.baseUrl = baseUrl;
    this.rest = rest;
    this.cookies = cookies;
    this.timeout = timeout;
  }

  /** A client of {@code http://localhost:<port>}, without credentials or cookies. */
  public static HttpTestClient onPort(int port) {
    return build("http://localhost:" + port, null, null);
  }

  /** The same, its requests timing out after {@code timeout}. */
  public static HttpTestClient onPort(int port, Duration timeout) {
    return build("http://localhost:" + port, null, timeout);
  }

  private static HttpTestClient build(String baseUrl, CookieManager cookies, Duration timeout) {
    HttpClient.Builder jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (cookies != null) {
      jdk.cookieHandler(cookies);
    }
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk.build());
    if (timeout != null) {
      factory.setReadTimeout(timeout);
    }
    return new HttpTestClient(baseUrl, RestClient.builder().requestFactory(factory).build(), cookies, timeout);
  }

  /** An account and its password. */
  public record Credentials(String user, String password) {}

  /** The same client sending these HTTP Basic credentials with every request. */
  public HttpTestClient as(Credentials credentials) {
    return as(credentials.user(), credentials.password());
  }

  /** The same client sending HTTP Basic credentials (UTF-8) with every request. */
  public HttpTestClient as(String user, String password) {
    return new HttpTestClient(
        baseUrl,
        rest.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, password, StandardCharsets.UTF_8)).build(),
        cookies,
        timeout);
  }

  /** A new client (no credentials) that keeps the cookies the server sets, as a browser does. */
  public HttpTestClient withSession() {
    return build(baseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL), timeout);
  }

  /** The last value of a cookie the server set in this client's session. */
  public Optional<String> cookie(String name) {
    if (cookies == null) {
      return Optional.empty();
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .reduce((first, second) -> second)
        .map(HttpCookie::getValue);
  }

  public Reply get(String path) {
    return request("GET", path).send();
  }

  /** POSTs a JSON body (UTF-8). */
  public Reply post(String path, String json) {
    return request("POST", path).json(json).send();
  }

  /** A request to build: {@code path} is appended to the base URL as it is, never re-encoded. */
  public Request request(String method, String path) {
    return new Request(HttpMethod.valueOf(method), URI.create(baseUrl + path));
  }

  /** One request: headers, then at most one body, then {@link #send()}. */
  public final class Request {
    private final HttpMethod method;
    private final URI uri;
    private final HttpHeaders headers = new HttpHeaders();
    private byte[] body;
    private boolean chunked;

    private Request(HttpMethod method, URI uri) {
      this.method = method;
      this.uri = uri;
    }

    public Request header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Request headers(Consumer<HttpHeaders> change) {
      change.accept(headers);
      return this;
    }

    /** HTTP Basic for this request only (e.g. a wrong password), UTF-8 as the other clients send it. */
    public Request basicAuth(String user, String password) {
      headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
      return this;
    }

    public Request json(String json) {
      return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of this type (UTF-8) with its Content-Length. */
    public Request body(String contentType, String text) {
      return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** These bytes with their Content-Length; no Content-Type header when {@code contentType} is null. */
    public Request body(String contentType, byte[] bytes) {
      if (contentType != null) {
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
      }
      this.body = bytes;
      this.chunked = false;
      return this;
    }

    /** These bytes chunked, without a Content-Length: the server learns their size only by reading them. */
    public Request chunked(String contentType, byte[] bytes) {
      body(contentType, bytes);
      this.chunked = true;
      return this;
    }

    public Reply send() {
      RestClient.RequestBodySpec spec = rest.method(method).uri(uri).headers(h -> h.addAll(headers));
      if (body != null) {
        byte[] bytes = body;
        if (!chunked) {
          // the JDK client takes the length from here (it sets the header itself)
          spec.header(HttpHeaders.CONTENT_LENGTH, Long.toString(bytes.length));
        }
        spec.body(output -> output.write(bytes));
      }
      return spec.exchange(
          (request, response) ->
              new Reply(response.getStatusCode().value(), method.name(), uri, HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                  response.getBody().readAllBytes()));
    }
  }

  /** An answer: status, the request's method and address, headers and the body's bytes. */
  public record Reply(int statusCode, String method, URI uri, HttpHeaders headers, byte[] bytes) {

    /** The body as text, in the charset of its Content-Type (UTF-8 when it names none). */
    public String body() {
      Charset charset = StandardCharsets.UTF_8;
      try {
        MediaType type = headers.getContentType();
        if (type != null && type.getCharset() != null) {
          charset = type.getCharset();
        }
      } catch (RuntimeException unreadable) {
        // a Content-Type a test provoked on purpose: read the body as UTF-8
      }
      return new String(bytes, charset);
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }

    public List<String> headerValues(String name) {
      List<String> values = headers.get(name);
      return values == null ? List.of() : values;
    }

    /** The Content-Type as sent, or an empty string. */
    public String contentType() {
      return header(HttpHeaders.CONTENT_TYPE).orElse("");
    }

    /** The body as JSON; missing when the body is empty (anything else that is not JSON fails the test). */
    public JsonNode json() {
      String text = body();
      return text.isBlank() ? MissingNode.getInstance() : parse(text);
    }

    @Override
    public String toString() {
      return statusCode + " " + body();
    }
  }

  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
