package ru.mos.localisation.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's authentication filter for {@code /engine-rest} and its HTTP Basic provider, with the
 * password and the user's groups and tenants taken from {@link VerifiedCredentials}, so that a
 * request with recently accepted credentials asks the database for none of them. Everything else
 * (parsing the header, the challenge, the open {@code GET /engine}, the engine's authorizations) is
 * Camunda's own.
 */
public class EngineRestBasicAuthentication extends ProcessEngineAuthenticationFilter {

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
        };
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
