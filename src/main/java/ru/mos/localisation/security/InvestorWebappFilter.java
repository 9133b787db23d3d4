package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps investors out of Camunda's webapps: investors use the investor API only. Camunda lets every
 * user with a password log in to Welcome, and from there use the webapps' engine API as far as
 * the engine's authorizations allow (their own profile, password, account). Here an investor's
 * login to any webapp is refused with 403 once the password is known to be right (a wrong one gets
 * Camunda's own 401, so the answer tells nothing more than for any other user), and any webapp
 * API call of a session that holds an investor's authentication is refused too.
 */
public class InvestorWebappFilter extends OncePerRequestFilter {

  private static final String MESSAGE = "Investors use the investor API (/api/v1) only";

  private final IdentityService identityService;
  private final VerifiedCredentials credentials;

  public InvestorWebappFilter(IdentityService identityService, VerifiedCredentials credentials) {
    this.identityService = identityService;
    this.credentials = credentials;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Door.isWebappLogin(request) ? investorLogsIn(request) : sessionOfAnInvestor(request)) {
      Door.WEBAPP.refuse(request, response, HttpStatus.FORBIDDEN, "AuthorizationException", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean investorLogsIn(HttpServletRequest request) {
    String username = request.getParameter("username");
    String password = request.getParameter("password");
    if (username == null || username.isEmpty() || password == null) {
      return false;
    }
    // membership first: other users' passwords are checked once, by Camunda
    return identityService.createUserQuery().userId(username).memberOfGroup(SecurityConfiguration.INVESTOR_GROUP).count() > 0
        && credentials.verify(username, password).isPresent();
  }

  private static boolean sessionOfAnInvestor(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .map(UserAuthentication::getGroupIds)
        .anyMatch(groups -> groups != null && groups.contains(SecurityConfiguration.INVESTOR_GROUP));
  }
}
