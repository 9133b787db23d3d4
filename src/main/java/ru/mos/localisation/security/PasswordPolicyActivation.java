package ru.mos.localisation.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.stereotype.Component;

/**
 * Turns on Camunda's password policy (at least 10 characters with a lower-case and an upper-case
 * letter, a digit and a special character, none of the user's id, names or e-mail) for every
 * password set once the engine runs: over {@code /engine-rest}, in Admin, through
 * {@code IdentityService.saveUser}. A password that breaks it is refused.
 *
 * <p>Turned on after the engine is built, not with the {@code enablePasswordPolicy} engine
 * property, because Camunda's start-up creates the administrator of {@code camunda.bpm.admin-user}
 * with the policy applied: the demo profile's {@code admin}/{@code admin} would stop the start.
 * Outside the demo profile {@link AdministratorFromEnvironment} already demands 12 characters.
 * The demo users keep their password {@code demo} by being created past the policy.
 */
@Component
public class PasswordPolicyActivation {

  public PasswordPolicyActivation(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (configuration.getPasswordPolicy() == null) {
      // the engine made its policy at build time only if the property was on
      configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    }
    configuration.setEnablePasswordPolicy(true);
  }
}
