package ru.mos.localisation.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Locks every door. The investor API uses HTTP Basic against Camunda's users and admits only the
 * {@code investor} group; {@code /engine-rest} uses Camunda's own authentication filter, after
 * which the engine's authorizations decide; the webapps keep their own login. Ahead of them, in this
 * order: HSTS, body limits ({@code web}), cross-site refusal, login throttling, the password policy
 * in Admin, investors kept out of the webapps, and the CSRF cookie made Secure over TLS; on
 * {@code /engine-rest} the password policy comes after Camunda's authentication.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class SecurityConfiguration {

  public static final String INVESTOR_GROUP = "investor";
  /** Camunda's administrators: the operators of the application. */
  public static final String ADMINISTRATOR_GROUP = "camunda-admin";

  /** Officials' own endpoints, used from the webapps with their session (no second login). */
  public static final String OFFICIALS_PATH = "/camunda/api/localisation";

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

  /**
   * The operators' list and retry of undelivered letters to investors ({@code notification}):
   * administrators only, HTTP Basic, answered as problem+json like the investor API.
   */
  @Bean
  SecurityFilterChain notificationOperatorSecurity(HttpSecurity http, ProblemSecurityHandlers problems)
      throws Exception {
    return http.securityMatcher("/actuator/notifications", "/actuator/notifications/**")
        .authorizeHttpRequests(
            requests ->
                requests.anyRequest().hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + ADMINISTRATOR_GROUP))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless HTTP Basic, no cookie; a foreign page's POST is refused by CrossSiteRequestFilter
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * Officials' endpoints: authenticated by Camunda's webapp session (investors' sessions are refused
   * before, by {@link InvestorWebappFilter}); what each official may read, the endpoint decides.
   * Camunda's CSRF filter guards this path like the rest of {@code /camunda/api}.
   */
  @Bean
  SecurityFilterChain officialsSecurity(HttpSecurity http, @Lazy ProcessEngine engine) throws Exception {
    return http.securityMatcher(OFFICIALS_PATH + "/**")
        .addFilterBefore(new WebappSessionAuthentication(engine), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            Door.WEBAPP.refuse(
                                request, response, HttpStatus.UNAUTHORIZED, "AuthenticationException",
                                "Войдите в Tasklist или Cockpit"))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            Door.WEBAPP.refuse(
                                request, response, HttpStatus.FORBIDDEN, "AuthorizationException", "Нет доступа")))
        // the session is Camunda's: read, never created nor its id changed (Spring's session fixation
        // protection rotated it on every call, and the page's other calls then carried a stale id)
        .sessionManagement(session -> session.disable())
        .requestCache(cache -> cache.disable())
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

  /** State-changing calls from another site's page, on both APIs that take HTTP Basic credentials. */
  @Bean
  FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequests() {
    var registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/notifications");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** Before every door's password check. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    // every password check: /actuator/* holds the operators' notifications and metrics
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*", "/actuator/*", "/supervision/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  /** New passwords in Admin (the webapps' engine API), once Camunda's session says who asks. */
  @Bean
  FilterRegistrationBean<PasswordPolicyFilter> webappPasswordPolicy(@Lazy IdentityService identityService) {
    return passwordPolicy(identityService, "webapp-password-policy", "/camunda/api/engine/*", Ordered.HIGHEST_PRECEDENCE + 4);
  }

  /** New passwords over Camunda's REST API: after its authentication, so strangers and investors learn nothing. */
  @Bean
  FilterRegistrationBean<PasswordPolicyFilter> engineRestPasswordPolicy(@Lazy IdentityService identityService) {
    return passwordPolicy(identityService, "engine-rest-password-policy", "/engine-rest/*", Ordered.LOWEST_PRECEDENCE);
  }

  private static FilterRegistrationBean<PasswordPolicyFilter> passwordPolicy(
      IdentityService identityService, String name, String urlPattern, int order) {
    var registration = new FilterRegistrationBean<>(new PasswordPolicyFilter(identityService));
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.setOrder(order);
    return registration;
  }

  /** Ahead of Camunda's own webapp filters, which would let an investor's login and session pass. */
  @Bean
  FilterRegistrationBean<InvestorWebappFilter> investorsOutOfWebapps(
      @Lazy IdentityService identityService, VerifiedCredentials credentials) {
    var registration = new FilterRegistrationBean<>(new InvestorWebappFilter(identityService, credentials));
    registration.addUrlPatterns("/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Wraps the response before Camunda's CSRF filter writes its cookie. */
  @Bean
  FilterRegistrationBean<SecureCsrfCookieFilter> secureCsrfCookie() {
    var registration = new FilterRegistrationBean<>(new SecureCsrfCookieFilter());
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
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
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
