package ru.mos.localisation.screening;

import java.util.Map;
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

  /** The timeline event of a hit; its detail is the list entry that matched. */
  public static final String SCREENING_HIT = "SCREENING_HIT";
  /** The timeline event of compliance's review of a hit: its outcome, reason and reviewer. */
  public static final String SCREENING_REVIEWED = "SCREENING_REVIEWED";
  /** The longest detail the timeline keeps (request_event.detail). */
  private static final int MAX_DETAIL = 1000;

  private final RequestRegistry registry;
  /** The list's entries by the key they are compared with, so a hit names the entry it matched. */
  private final Map<String, String> blockedNames;

  public ScreeningService(RequestRegistry registry, ScreeningProperties properties) {
    this.registry = registry;
    this.blockedNames =
        properties.blockedNames().stream()
            // an entry with nothing readable in it would match every unreadable name
            .filter(name -> !ScreeningNames.key(name).isEmpty())
            .collect(Collectors.toUnmodifiableMap(ScreeningNames::key, String::strip, (first, second) -> first));
  }

  /**
   * @return true when the investor is on the list: a hit that compliance must review; the hit's
   *     event names the list entry it matched, for the compliance officer (never the investor)
   */
  public boolean screen(String number) {
    LocalisationRequest request = registry.get(number);
    String entry = blockedNames.get(ScreeningNames.key(request.investorName()));
    registry.addEvent(number, entry != null ? SCREENING_HIT : "SCREENING_PASSED", entry);
    return entry != null;
  }

  /** Puts compliance's review of a hit on the timeline: the outcome in words, why, and who. */
  public void reviewed(String number, String outcome, String reason, String reviewer) {
    String detail = "%s. Причина: %s".formatted(outcome, reason == null ? "" : reason.strip());
    registry.addEvent(
        number, SCREENING_REVIEWED, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail, reviewer);
  }
}
