package ru.mos.localisation.supervision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.mos.localisation.security.CamundaIdentityAuthenticationProvider;

/**
 * Takes who is asking from the Camunda webapp session the browser already holds (the user who
 * logged in to Cockpit), with that user's groups as authorities {@code GROUP_<id>}. Without such a
 * session the request stays anonymous. Reads the session only: never creates one.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final Supplier<String> engineName;

  WebappSessionAuthenticationFilter(Supplier<String> engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications.getAuthenticationForProcessEngine(engineName.get()) instanceof UserAuthentication user) {
        List<SimpleGrantedAuthority> authorities =
            (user.getGroupIds() == null ? List.<String>of() : List.copyOf(user.getGroupIds())).stream()
                .map(id -> new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + id))
                .toList();
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
      }
    }
    chain.doFilter(request, response);
  }
}
