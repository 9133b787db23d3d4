package ru.mos.localisation.web;

import jakarta.validation.constraints.Positive;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request body limits of Camunda's REST API ({@code /engine-rest}).
 *
 * @param maxBodyBytes the largest body of any call but a deployment: starts, task completions,
 *     message correlations, variables
 * @param maxDeploymentBytes the largest deployment (multipart: models and forms)
 */
@Validated
@ConfigurationProperties("localisation.engine-rest")
public record EngineRestProperties(@Positive long maxBodyBytes, @Positive long maxDeploymentBytes) {

  /** {@code POST /engine-rest/deployment/create}, also addressed through the engine's name. */
  private static final Pattern DEPLOYMENT = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create");

  /** The limit for a request to this path (as the client sent it, not decoded). */
  public long maxBytesFor(String requestUri) {
    return DEPLOYMENT.matcher(requestUri).matches() ? maxDeploymentBytes : maxBodyBytes;
  }
}
