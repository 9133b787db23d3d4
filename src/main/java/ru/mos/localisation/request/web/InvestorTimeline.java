package ru.mos.localisation.request.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.TimelineEntry;

/**
 * The part of a request's timeline the investor may see. Screening and its outcome stay with the
 * city: a flagged investor's timeline reads exactly like a clean one's, "under review" from the
 * moment screening starts until the department's assessment is done. Who in the city did what,
 * and which official opened which file, stays with the city too.
 */
final class InvestorTimeline {

  /** Events of checks the investor must not learn of (no tipping off). */
  private static final Set<String> HIDDEN =
      Set.of("SCREENING_HIT", "SCREENING_PASSED", "SCREENING_REVIEWED", "DOCUMENT_OPENED");
  private static final String STAGE = "STAGE_";

  private InvestorTimeline() {}

  static List<TimelineEntry> of(List<TimelineEntry> timeline) {
    List<TimelineEntry> shown = new ArrayList<>(timeline.size());
    String lastStage = null;
    for (TimelineEntry entry : timeline) {
      if (HIDDEN.contains(entry.type())) {
        continue;
      }
      if (entry.type().startsWith(STAGE)) {
        String stage = STAGE + stageSeenByInvestor(entry.type().substring(STAGE.length()));
        // screening is shown as the review it precedes: entering the review itself adds nothing
        if (stage.equals(lastStage)) {
          continue;
        }
        lastStage = stage;
        shown.add(new TimelineEntry(entry.at(), stage, entry.detail(), null));
      } else {
        shown.add(entry.anonymous());
      }
    }
    return List.copyOf(shown);
  }

  private static String stageSeenByInvestor(String stage) {
    try {
      return RequestStage.valueOf(stage).asSeenByInvestor().name();
    } catch (IllegalArgumentException e) {
      return stage;
    }
  }
}
