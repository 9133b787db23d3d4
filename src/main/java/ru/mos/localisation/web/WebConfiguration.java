package ru.mos.localisation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web plumbing of the investor API and of Camunda's REST API. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  /**
   * Runs before security (only the HSTS filter comes first), so an oversize body is refused before
   * anything else reads it.
   */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(ApiProperties properties, ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(RequestBodyLimitFilter.problemJson(properties.maxBodyBytes(), objectMapper));
    registration.setName("investor-api-body-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** The same for Camunda's REST API, ahead of its authentication filter. */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> engineRestBodyLimit(EngineRestProperties properties, ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(RequestBodyLimitFilter.camundaJson(properties, objectMapper));
    registration.setName("engine-rest-body-limit");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> {
      EngineRestErrors.MAPPERS.forEach(config::register);
      config.register(EngineRestBodyLimitInterceptor.class);
    };
  }
}
