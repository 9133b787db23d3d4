package ru.mos.localisation.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's authentication filter for {@code /engine-rest}, with HTTP Basic checked through
 * {@link VerifiedCredentials}: the result carries the groups and tenants, so the filter asks the
 * database for neither. Everything else (the challenge, the open {@code GET /engine}, the engine's
 * authorizations) is Camunda's own.
 */
public class EngineRestBasicAuthentication extends ProcessEngineAuthenticationFilter {

  private final VerifiedCredentials credentials;

  public EngineRestBasicAuthentication(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new Provider();
  }

  private final class Provider extends HttpBasicAuthenticationProvider {
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, BASIC_AUTH_HEADER_PREFIX, 0, BASIC_AUTH_HEADER_PREFIX.length())) {
        return AuthenticationResult.unsuccessful();
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length()).strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return AuthenticationResult.unsuccessful();
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return AuthenticationResult.unsuccessful();
      }
      String userId = decoded.substring(0, colon);
      Optional<VerifiedCredentials.Identity> identity = credentials.verify(userId, decoded.substring(colon + 1));
      if (identity.isEmpty()) {
        return AuthenticationResult.unsuccessful(userId);
      }
      AuthenticationResult result = AuthenticationResult.successful(userId);
      result.setGroups(identity.get().groupIds());
      result.setTenants(identity.get().tenantIds());
      return result;
    }
  }
}
