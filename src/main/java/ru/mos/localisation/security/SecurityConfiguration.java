package ru.mos.localisation.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Locks every door. The investor API uses HTTP Basic against Camunda's users and admits only the
 * {@code investor} group; {@code /engine-rest} uses Camunda's own authentication filter, after
 * which the engine's authorizations decide; the webapps keep their own login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  public static final String INVESTOR_GROUP = "investor";

  @Bean
  SecurityFilterChain investorApiSecurity(HttpSecurity http, ProblemSecurityHandlers problems)
      throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**")
                    .authenticated()
                    .requestMatchers("/api/v1/**")
                    .hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + INVESTOR_GROUP)
                    .anyRequest()
                    .denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // stateless Basic authentication: no session, no cookie, so no CSRF to defend against
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(VerifiedCredentials credentials) {
    return new CamundaIdentityAuthenticationProvider(credentials);
  }

  /** HSTS on every door over TLS, before any filter that may answer early (401, 413). */
  @Bean
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity() {
    var registration = new FilterRegistrationBean<>(new StrictTransportSecurityFilter());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's REST API is open by default; its own filter makes it ask for a Camunda user. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      VerifiedCredentials credentials) {
    var registration =
        new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new EngineRestBasicAuthentication(credentials));
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
