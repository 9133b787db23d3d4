package ru.mos.localisation.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an operator may switch on at the engine's side doors.
 *
 * @param deploymentsEnabled whether users (administrators through {@code /engine-rest} or Camunda
 *     Modeler) may deploy, delete deployments or delete process definitions. Off by default: a
 *     deployed model runs any expression on the server, and the application deploys its own
 *     models at start-up.
 */
@ConfigurationProperties("localisation.integrity")
public record IntegrityProperties(@DefaultValue("false") boolean deploymentsEnabled) {}
