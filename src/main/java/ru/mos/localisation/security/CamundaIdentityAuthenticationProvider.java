package ru.mos.localisation.security;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Authenticates API callers against Camunda's identity service (through {@link VerifiedCredentials}),
 * so investors, officials and Tasklist share one user registry. Each Camunda group becomes an authority {@code GROUP_<id>}.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** The authority of a Camunda group: this prefix and the group id. */
  public static final String GROUP_PREFIX = "GROUP_";

  private final VerifiedCredentials credentials;

  public CamundaIdentityAuthenticationProvider(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)) {
      throw new BadCredentialsException("Bad credentials");
    }
    try {
      VerifiedCredentials.Identity identity =
          credentials.verify(userId, secret).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
      List<GrantedAuthority> authorities =
          identity.groupIds().stream()
              .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
              .toList();
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    } catch (ProcessEngineException e) {
      // the user registry could not be asked (e.g. the database is away): not a wrong password
      throw new AuthenticationServiceException("Camunda's identity service is unavailable", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
