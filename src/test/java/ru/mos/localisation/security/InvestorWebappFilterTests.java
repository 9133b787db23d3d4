package ru.mos.localisation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import jakarta.servlet.FilterChain;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A webapp session that holds an investor's authentication however it got there (the login itself
 * is refused, see {@code SecurityMatrixTests}): its API calls are refused before Camunda's filters.
 */
class InvestorWebappFilterTests {

  private final InvestorWebappFilter filter =
      new InvestorWebappFilter(mock(IdentityService.class), mock(VerifiedCredentials.class));

  @Test
  void aSessionOfAnInvestorIsRefusedOnTheWebappsApi() throws Exception {
    MockHttpServletRequest request = webappApiCall(sessionOf("investor.x", List.of("investor")));
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain chain = mock(FilterChain.class);

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).contains("\"type\":\"AuthorizationException\"");
    verifyNoInteractions(chain);
  }

  @Test
  void aSessionOfAnOfficialPasses() throws Exception {
    MockHttpServletRequest request = webappApiCall(sessionOf("site.officer", List.of("site-allocation")));
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(request);
  }

  private static MockHttpSession sessionOf(String userId, List<String> groups) {
    MockHttpSession session = new MockHttpSession();
    UserAuthentication authentication = new UserAuthentication(userId, "default");
    authentication.setGroupIds(groups);
    AuthenticationUtil.getAuthsFromSession(session).addOrReplace(authentication);
    return session;
  }

  private static MockHttpServletRequest webappApiCall(MockHttpSession session) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/user/investor.x/profile");
    request.setServletPath("/camunda/api/engine");
    request.setPathInfo("/engine/default/user/investor.x/profile");
    request.setSession(session);
    return request;
  }
}
