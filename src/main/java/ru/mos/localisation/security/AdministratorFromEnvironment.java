package ru.mos.localisation.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile there is no default password: the application refuses to start unless
 * the administrator's id and a password of at least 12 characters come from the environment
 * ({@code CAMUNDA_BPM_ADMINUSER_ID}, {@code CAMUNDA_BPM_ADMINUSER_PASSWORD}). It checks before the
 * context starts, so no engine runs and no user is created with a guessable password.
 */
public class AdministratorFromEnvironment implements EnvironmentPostProcessor, Ordered {

  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id");
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (id == null || id.isBlank() || password == null || password.length() < MIN_PASSWORD_LENGTH || password.equals(id)) {
      throw new IllegalStateException(
          "No administrator configured: outside the demo profile set CAMUNDA_BPM_ADMINUSER_ID and "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD (at least " + MIN_PASSWORD_LENGTH + " characters, not the id)");
    }
  }

  /** After the application's own configuration files are loaded. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
