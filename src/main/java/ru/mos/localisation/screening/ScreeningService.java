package ru.mos.localisation.screening;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/**
 * Screens the investor of a request against the screening list, comparing names as people read
 * them ({@link ScreeningNames}).
 */
@Service
public class ScreeningService {

  private final RequestRegistry registry;
  private final Set<String> blockedNames;

  public ScreeningService(RequestRegistry registry, ScreeningProperties properties) {
    this.registry = registry;
    this.blockedNames =
        properties.blockedNames().stream()
            .map(ScreeningNames::key)
            // an entry with nothing readable in it would match every unreadable name
            .filter(key -> !key.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** @return true when the investor is on the list: a hit that compliance must review */
  public boolean screen(String number) {
    LocalisationRequest request = registry.get(number);
    boolean hit = blockedNames.contains(ScreeningNames.key(request.investorName()));
    registry.addEvent(number, hit ? "SCREENING_HIT" : "SCREENING_PASSED", null);
    return hit;
  }
}
