package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every password check: HTTP Basic on {@code /api},
 * {@code /engine-rest}, {@code /supervision/api} and {@code /actuator/prometheus}, and the webapps'
 * login form. A client address that has used up its budget
 * of failed logins gets 429 with {@code Retry-After}, in its door's error format, before any
 * password is checked. A 401 from the door counts as a failure; any other answer means the password
 * was right. The client address is the one nginx forwarded ({@code server.forward-headers-strategy}).
 *
 * <p>Camunda's {@code identity/verify} checks any user's password for any authenticated caller and
 * answers 200 either way, so it cannot be throttled here; with Camunda's per-account delay off it
 * would be an unthrottled password oracle. No client of this application uses it: it is refused.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** {@code POST identity/verify} of Camunda's REST API, through either door. */
  private static final Pattern PASSWORD_VERIFICATION =
      Pattern.compile("(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?");

  private static final String BASIC = "Basic ";

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (PASSWORD_VERIFICATION.matcher(Door.path(request)).matches()) {
      Door.of(request).refuse(request, response, HttpStatus.FORBIDDEN, "AuthorizationException",
          "Passwords are checked only by logging in");
      return;
    }
    Optional<String> account = account(request);
    if (account.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusal(address, account.get());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      Door.of(request).refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "LoginThrottledException",
          "Too many failed logins from this address; retry after " + seconds + " seconds");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(address, account.get());
    } else if (response.getStatus() < 400) {
      throttle.succeeded(address, account.get());
    }
  }

  /** The account whose password this request asks to check, if it asks for one. */
  private static Optional<String> account(HttpServletRequest request) {
    if (Door.of(request) == Door.WEBAPP) {
      if (!Door.isWebappLogin(request)) {
        return Optional.empty();
      }
      String username = request.getParameter("username");
      return Optional.of(username == null ? "" : username);
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    try {
      // as leniently as Camunda's decoder, so that odd padding does not dodge the account's budget
      String credentials =
          new String(Base64.getMimeDecoder().decode(authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return Optional.of(colon < 0 ? credentials : credentials.substring(0, colon));
    } catch (IllegalArgumentException notBase64) {
      // the door answers 401; the failure still costs the address's budget
      return Optional.of("");
    }
  }
}
