package ru.mos.localisation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.mos.localisation.web.RequestBodyLimitFilter.BodyTooLargeException;

/**
 * Answers 400 to a new password that breaks the password policy ({@link PasswordPolicyActivation}),
 * on Camunda's REST API and on the webapps' engine API (Admin): a user's new credentials
 * ({@code PUT user/{id}/credentials}) and a new user ({@code POST user/create}). The engine refuses
 * such a password itself, but with a plain {@code ProcessEngineException}, which both APIs answer
 * with 500; this filter checks the same policy first and answers the client's mistake as one.
 */
public class PasswordPolicyFilter extends OncePerRequestFilter {

  /** Both doors' engine API, optionally naming the engine: the part before {@code /user/...}. */
  private static final String ENGINE_API = "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern CREDENTIALS = Pattern.compile(ENGINE_API + "/user/([^/]+)/credentials/?");
  private static final Pattern CREATE = Pattern.compile(ENGINE_API + "/user/create/?");
  /** Far more than a user's profile and credentials take. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final IdentityService identityService;
  private final ObjectMapper objectMapper = new ObjectMapper();

  public PasswordPolicyFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Door.path(request);
    Matcher credentials = CREDENTIALS.matcher(path);
    boolean newCredentials = "PUT".equals(request.getMethod()) && credentials.matches();
    boolean newUser = "POST".equals(request.getMethod()) && CREATE.matcher(path).matches();
    if ((!newCredentials && !newUser) || !authenticated(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    } catch (BodyTooLargeException e) {
      Door.of(request).refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BodyTooLargeException", e.getMessage());
      return;
    }
    if (body.length > MAX_BODY_BYTES) {
      Door.of(request).refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BodyTooLargeException",
          new BodyTooLargeException(MAX_BODY_BYTES).getMessage());
      return;
    }
    String violations = newCredentials ? credentialsViolations(credentials.group(1), body) : newUserViolations(body);
    if (violations != null) {
      Door.of(request).refuse(request, response, HttpStatus.BAD_REQUEST, "InvalidRequestException",
          "Password does not match policy: " + violations);
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  /**
   * Only an authenticated caller learns what the policy thinks of a password; anyone else gets the
   * door's own 401 or 403. On {@code /engine-rest} this filter runs after Camunda's authentication
   * (and the investors' refusal); the webapps authenticate by session, which is looked at here.
   */
  private static boolean authenticated(HttpServletRequest request) {
    if (Door.of(request) != Door.WEBAPP) {
      return true;
    }
    HttpSession session = request.getSession(false);
    return session != null && !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
  }

  /** What a new password of an existing user breaks, or null (also when the body is not JSON: Camunda answers that). */
  private String credentialsViolations(String userId, byte[] body) {
    JsonNode json = json(body);
    JsonNode password = json == null ? null : json.path("password");
    if (password == null || !password.isTextual()) {
      return null;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    // an unknown user is checked against its id alone, as a known one at least is: no existence oracle
    return violations(password.asText(), user != null ? user : new UserEntity(userId));
  }

  private String newUserViolations(byte[] body) {
    JsonNode json = json(body);
    JsonNode password = json == null ? null : json.path("credentials").path("password");
    if (password == null || !password.isTextual()) {
      return null;
    }
    JsonNode profile = json.path("profile");
    UserEntity user = new UserEntity(profile.path("id").asText(null));
    user.setFirstName(profile.path("firstName").asText(null));
    user.setLastName(profile.path("lastName").asText(null));
    user.setEmail(profile.path("email").asText(null));
    return violations(password.asText(), user);
  }

  private String violations(String password, User user) {
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
    if (result.isValid()) {
      return null;
    }
    return result.getViolatedRules().stream().map(PasswordPolicyFilter::describe).collect(Collectors.joining(", "));
  }

  /** A rule as Camunda's Admin names it, e.g. {@code PASSWORD_POLICY_LENGTH 10}. */
  private static String describe(PasswordPolicyRule rule) {
    return rule.getParameters() == null || rule.getParameters().isEmpty()
        ? rule.getPlaceholder()
        : rule.getPlaceholder() + " " + String.join(" ", rule.getParameters().values());
  }

  private JsonNode json(byte[] body) {
    try {
      JsonNode json = objectMapper.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The request with the body this filter read, for Camunda to read again. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;
    private final ByteArrayInputStream bytes;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
      this.bytes = new ByteArrayInputStream(body);
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    /** Camunda's APIs read JSON, which is UTF-8 (RFC 8259). */
    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
