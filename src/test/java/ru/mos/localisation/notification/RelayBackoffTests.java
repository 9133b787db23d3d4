package ru.mos.localisation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits between attempts with the production settings (application.yml): soon at first, then ever longer, capped. */
class RelayBackoffTests {

  private final NotificationProperties.Relay relay =
      new NotificationProperties.Relay(true, Duration.ofSeconds(5), 50, 12, Duration.ofSeconds(30), Duration.ofMinutes(30));

  @Test
  void theFirstRetryIsWithinAMinuteThenTheWaitDoublesUpToItsCap() {
    assertThat(relay.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(relay.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(relay.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(relay.backoffAfter(6)).isEqualTo(Duration.ofMinutes(16));
    assertThat(relay.backoffAfter(7)).isEqualTo(Duration.ofMinutes(30));
    assertThat(relay.backoffAfter(11)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void allTwelveAttemptsSpanAboutThreeHoursBeforeALetterIsFailed() {
    Duration total =
        IntStream.range(1, relay.maxAttempts()).mapToObj(relay::backoffAfter).reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isBetween(Duration.ofHours(2), Duration.ofHours(4));
  }
}
