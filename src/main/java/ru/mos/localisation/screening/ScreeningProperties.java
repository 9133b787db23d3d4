package ru.mos.localisation.screening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The screening list investors are checked against (sanctions and the city's own list).
 *
 * @param blockedNames investor names that are a hit, compared as people read them
 *     ({@link ScreeningNames}: look-alike letters, invisible characters, case, punctuation, legal forms)
 */
@Validated
@ConfigurationProperties("localisation.screening")
public record ScreeningProperties(List<String> blockedNames) {

  public ScreeningProperties {
    blockedNames = blockedNames == null ? List.of() : List.copyOf(blockedNames);
  }
}
