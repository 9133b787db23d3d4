package ru.mos.localisation.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** No default passwords outside the demo profile. */
class AdministratorFromEnvironmentTests {

  private final AdministratorFromEnvironment check = new AdministratorFromEnvironment();

  @Test
  void productionWithoutAdministratorRefusesToStart() {
    assertThatThrownBy(() -> check.postProcessEnvironment(environment("postgres", Map.of()), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }

  @Test
  void productionWithAWeakPasswordRefusesToStart() {
    Map<String, Object> weak = Map.of("camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "admin");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment("postgres", weak), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void productionWithAdministratorFromTheEnvironmentStarts() {
    Map<String, Object> strong =
        Map.of("camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "a-long-secret-from-env");
    assertThatCode(() -> check.postProcessEnvironment(environment("postgres", strong), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void demoProfileKeepsItsDemoAdministrator() {
    assertThatCode(() -> check.postProcessEnvironment(environment("demo", Map.of()), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void demoIsTheDefaultProfileWhenNoneIsGiven() {
    StandardEnvironment environment = environment(null, Map.of());
    environment.setDefaultProfiles("demo");
    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
    if (profile != null) {
      environment.setActiveProfiles(profile);
    }
    return environment;
  }
}
