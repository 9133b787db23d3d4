package ru.mos.localisation.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.mos.localisation.request.LocalisationRequest;
import ru.mos.localisation.request.RequestRegistry;
import ru.mos.localisation.request.RequestStage;
import ru.mos.localisation.request.RequestStatus;
import ru.mos.localisation.request.Sector;

/**
 * The screening step against a list: a look-alike of a listed name is a hit and noted as one, with
 * the list entry it matched (what the compliance officer compares).
 */
class ScreeningServiceTests {

  private static final String NUMBER = "LOC-2026-00001";

  private final RequestRegistry registry = mock(RequestRegistry.class);
  private final ScreeningService screening =
      new ScreeningService(registry, new ScreeningProperties(List.of("Blocked Holdings Ltd", "  ", "...")));

  @ParameterizedTest(name = "[{index}] «{0}» → hit: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\u0412locked Holdings Ltd | true",
        "Blocked\u00a0Holdings Ltd | true",
        "Blocked\u200bHoldings Ltd | true",
        "Blocked Holdings Ltd. | true",
        "BLOCKED HOLDINGS LIMITED | true",
        "Ge Pai New Energy Co. | false",
        // a list entry with nothing readable in it must not match a name with nothing readable
        "... | false"
      })
  void aLookAlikeOfAListedNameIsAHitOnTheTimeline(String investorName, boolean hit) {
    given(registry.get(NUMBER)).willReturn(requestOf(investorName));

    assertThat(screening.screen(NUMBER)).isEqualTo(hit);

    if (hit) {
      then(registry).should().addEvent(NUMBER, "SCREENING_HIT", "Blocked Holdings Ltd");
    } else {
      then(registry).should().addEvent(NUMBER, "SCREENING_PASSED", null);
    }
  }

  private static LocalisationRequest requestOf(String investorName) {
    OffsetDateTime now = OffsetDateTime.now();
    return new LocalisationRequest(
        NUMBER, "REF-1", investorName, "CN", "91310000MA1FL0000X", "invest@example.cn",
        Sector.BATTERY_RECYCLING, "Plant", null, 1_000_000L, 10, 0, BigDecimal.ONE, BigDecimal.ONE, 3,
        List.of(), List.of(), false, false, RequestStatus.IN_PROGRESS, RequestStage.SCREENING,
        "investor", "pi-1", null, now, now);
  }
}
