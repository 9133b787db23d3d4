package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Camunda's authentication filter for {@code /engine-rest} and its HTTP Basic provider, with the
 * password and the user's groups and tenants taken from {@link VerifiedCredentials}, so that a
 * request with recently accepted credentials asks the database for none of them. Everything else
 * (parsing the header, the open {@code GET /engine}, the engine's authorizations) is Camunda's own.
 *
 * <p>Two answers differ from Camunda's: a 401 carries no {@code Basic} challenge (a browser would
 * show its login dialog and then send the credentials along with any other site's request to this
 * API), and members of the {@code investor} group get 403: investors use the investor API only.
 */
public class EngineRestBasicAuthentication extends ProcessEngineAuthenticationFilter {

  /** A scheme browsers do not answer with a dialog: clients send Basic credentials unasked. */
  static final String CHALLENGE = "xBasic realm=\"engine-rest\"";

  private final VerifiedCredentials credentials;

  public EngineRestBasicAuthentication(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider =
        new HttpBasicAuthenticationProvider() {
          @Override
          protected boolean isAuthenticated(ProcessEngine engine, String userId, String password) {
            return credentials.verify(userId, password).isPresent();
          }

          @Override
          public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            try {
              Door.ENGINE_REST.refuse(null, response, HttpStatus.UNAUTHORIZED, "AuthenticationException",
                  "HTTP Basic credentials of a Camunda user are required");
            } catch (IOException e) {
              // the client went away; the status alone is the answer
            }
          }
        };
  }

  /** Runs Camunda's filter; once it has authenticated the user, investors go no further. */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    super.doFilter(request, response, (authenticatedRequest, authenticatedResponse) -> {
      if (isInvestor(currentAuthentication((HttpServletRequest) authenticatedRequest))) {
        Door.ENGINE_REST.refuse((HttpServletRequest) authenticatedRequest, (HttpServletResponse) authenticatedResponse,
            HttpStatus.FORBIDDEN, "AuthorizationException", "Investors use the investor API (/api/v1) only");
        return;
      }
      chain.doFilter(authenticatedRequest, authenticatedResponse);
    });
  }

  /** The user Camunda's filter authenticated, on the engine the request addresses (as that filter finds it). */
  private Authentication currentAuthentication(HttpServletRequest request) {
    String servletPath = servletPathPrefix != null ? servletPathPrefix : request.getServletPath();
    String requestUrl = request.getRequestURI().substring(request.getContextPath().length() + servletPath.length());
    ProcessEngine engine = getAddressedEngine(extractEngineName(requestUrl));
    return engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
  }

  private static boolean isInvestor(Authentication authentication) {
    return authentication != null
        && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(SecurityConfiguration.INVESTOR_GROUP);
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return credentials
        .recentlyVerified(userId)
        .map(VerifiedCredentials.Identity::groupIds)
        .orElseGet(() -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return credentials
        .recentlyVerified(userId)
        .map(VerifiedCredentials.Identity::tenantIds)
        .orElseGet(() -> super.getTenantsOfUser(engine, userId));
  }
}
