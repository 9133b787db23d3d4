package ru.mos.localisation.web;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The webapps' own engine API answers bad input as {@code /engine-rest} does. */
@Configuration(proxyBeanMethods = false)
public class WebappEngineApiConfiguration {

  /**
   * The webapps' own engine API ({@code /camunda/api/engine}) is the same REST API in a Jersey
   * servlet of Camunda's webapp starter, with a fixed set of classes. It is registered here first,
   * under the name the starter uses (which then leaves it alone), with the same application and
   * our error mapper as an extra provider, so that both doors answer bad input alike.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiErrors(CamundaBpmProperties camunda) {
    return servletContext -> {
      ServletRegistration.Dynamic servlet = servletContext.addServlet("Engine Api", ServletContainer.class);
      if (servlet == null) {
        return; // registered already (a container that ran the starter's initializer first)
      }
      servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      servlet.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, EngineRestApplication.class.getName());
      servlet.setInitParameter(
          ServerProperties.PROVIDER_CLASSNAMES,
          EngineRestErrors.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    };
  }
}
