package ru.mos.localisation.screening;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;

/** Screens the investor of a request against the screening list. */
@Service
public class ScreeningService {

  private final RequestRegistry registry;
  private final Set<String> blockedNames;

  public ScreeningService(RequestRegistry registry, ScreeningProperties properties) {
    this.registry = registry;
    this.blockedNames =
        properties.blockedNames().stream().map(ScreeningService::normalise).collect(Collectors.toSet());
  }

  /** @return true when the investor is on the list: a hit that compliance must review */
  public boolean screen(String number) {
    LocalisationRequest request = registry.get(number);
    boolean hit = blockedNames.contains(normalise(request.investorName()));
    registry.addEvent(number, hit ? "SCREENING_HIT" : "SCREENING_PASSED", null);
    return hit;
  }

  private static String normalise(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
