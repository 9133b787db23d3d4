package ru.mos.localisation.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import ru.mos.localisation.security.CamundaIdentityAuthenticationProvider;
import ru.mos.localisation.security.WebappSessionAuthentication;
import ru.mos.localisation.webapps.OfficialGroup;

/**
 * Who reads what supervision offers:
 *
 * <ul>
 *   <li>{@code /supervision/api/**} (the Cockpit plugin's data): the board ({@code investment-board})
 *       and administrators ({@code camunda-admin}), recognised by the Camunda webapp session they
 *       logged in to Cockpit with, or by HTTP Basic credentials (scripts); read-only (GET). Without
 *       either 401, anyone else 403 — other officials and investors — in Russian problem+json;
 *       failed passwords are throttled like on every other door.
 *   <li>{@code /actuator/prometheus}: operators ({@code operator}) and administrators, with HTTP
 *       Basic (as Prometheus scrapes); failed passwords are throttled too.
 *   <li>Cockpit's own queries of a definition's versions get the page they leave out
 *       ({@link CockpitVersionQueries}), instead of the query limit's 400.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionSecurity {

  /** The Camunda group of operators who may scrape the metrics (and nothing else). */
  public static final String OPERATOR_GROUP = "operator";

  private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

  static final String BOARD = CamundaIdentityAuthenticationProvider.GROUP_PREFIX + OfficialGroup.INVESTMENT_BOARD.id();
  static final String ADMINISTRATORS = CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN;
  static final String OPERATORS = CamundaIdentityAuthenticationProvider.GROUP_PREFIX + OPERATOR_GROUP;

  @Bean
  SecurityFilterChain supervisionApiSecurity(HttpSecurity http, @Lazy ProcessEngine processEngine, ObjectMapper objectMapper)
      throws Exception {
    return http.securityMatcher("/supervision/**")
        .addFilterBefore(new WebappSessionAuthentication(processEngine), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests.requestMatchers(HttpMethod.GET, "/supervision/api/**").hasAnyAuthority(BOARD, ADMINISTRATORS).anyRequest().denyAll())
        // scripts (a nightly CSV) may send HTTP Basic credentials instead; no challenge for browsers
        .httpBasic(basic -> basic.authenticationEntryPoint(SupervisionSecurity::loginFirst))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(SupervisionSecurity::loginFirst)
                    .accessDeniedHandler((request, response, e) ->
                        problem(objectMapper, request, response, HttpStatus.FORBIDDEN,
                            "Реестр заявок доступен руководству департамента и администраторам")))
        // the session is Camunda's: read, never created, and its id never changed here (Spring's
        // session fixation protection would rotate it on every call, racing Cockpit's own calls)
        .sessionManagement(session -> session.disable())
        // read-only: nothing here changes state, every other method is refused
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  SecurityFilterChain metricsSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    return http.securityMatcher("/actuator/prometheus")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(OPERATORS, ADMINISTRATORS))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"localisation-metrics\"");
          problem(objectMapper, request, response, HttpStatus.UNAUTHORIZED, "Authentication required");
        }))
        .exceptionHandling(
            exceptions ->
                exceptions.accessDeniedHandler((request, response, e) ->
                    problem(objectMapper, request, response, HttpStatus.FORBIDDEN, "Metrics are for operators and administrators")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  /** Cockpit's queries of a definition's versions, given the page they leave out (see the filter). */
  @Bean
  FilterRegistrationBean<CockpitVersionQueries> cockpitVersionQueries(@Lazy ProcessEngine processEngine) {
    var registration =
        new FilterRegistrationBean<>(
            new CockpitVersionQueries(
                () -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getQueryMaxResultsLimit()));
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  private static void loginFirst(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    problem(OBJECT_MAPPER, request, response, HttpStatus.UNAUTHORIZED, "Войдите в Cockpit, чтобы открыть реестр заявок");
  }

  private static void problem(
      ObjectMapper objectMapper, HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
