package ru.mos.localisation.screening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The screening list investors are checked against (sanctions and the city's own list).
 *
 * @param blockedNames investor names that are a hit, compared without case and extra spaces
 */
@Validated
@ConfigurationProperties("localisation.screening")
public record ScreeningProperties(List<String> blockedNames) {

  public ScreeningProperties {
    blockedNames = blockedNames == null ? List.of() : List.copyOf(blockedNames);
  }
}
