package ru.mos.localisation;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every feature. */
@Configuration(proxyBeanMethods = false)
public class ApplicationConfiguration {

  /** The application's notion of now; tests may replace it. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
