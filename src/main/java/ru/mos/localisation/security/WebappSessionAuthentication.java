package ru.mos.localisation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Officials' own endpoints ({@link SecurityConfiguration#OFFICIALS_PATH}) and the board's register
 * ({@code /supervision/api}, supervision) are used from the webapps, by links in Tasklist's forms and
 * by our Cockpit pages: the user is whoever Camunda's
 * webapp session says is logged in (no second login), with their Camunda groups as {@code GROUP_}
 * authorities. A request without such a session stays anonymous and is answered 401.
 */
public class WebappSessionAuthentication extends OncePerRequestFilter {

  private final ProcessEngine engine;

  /** @param engine lazy: read per request, the session holds one authentication per engine name */
  public WebappSessionAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      var authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications.getAuthenticationForProcessEngine(engine.getName())
          instanceof UserAuthentication user) {
        List<GrantedAuthority> authorities =
            (user.getGroupIds() == null ? List.<String>of() : user.getGroupIds()).stream()
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + id))
                .toList();
        var authentication = new PreAuthenticatedAuthenticationToken(user.getIdentityId(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
      }
    }
    chain.doFilter(request, response);
  }
}
