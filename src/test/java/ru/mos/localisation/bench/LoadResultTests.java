package ru.mos.localisation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The benchmark's latency figures: nearest-rank percentiles from an HdrHistogram, pooled over rounds. */
class LoadResultTests {

  private static final long MS = 1_000_000;

  @Test
  void percentilesAreTheNearestRankToTheHistogramsPrecision() {
    Load.Result result = new Load.Result(milliseconds(1, 1000), 0, null, 2_000 * MS);

    assertThat(result.operations()).isEqualTo(1000);
    assertThat(result.perSecond()).isEqualTo(500.0);
    assertThat(result.percentileMs(50)).isCloseTo(500, withinPercentage(0.1));
    assertThat(result.percentileMs(95)).isCloseTo(950, withinPercentage(0.1));
    assertThat(result.percentileMs(99)).isCloseTo(990, withinPercentage(0.1));
    assertThat(result.percentileMs(100)).isCloseTo(1000, withinPercentage(0.1));
  }

  @Test
  void aPhaseWithoutOperationsHasNoPercentiles() {
    Load.Result result = new Load.Result(new Histogram(Load.Result.SIGNIFICANT_DIGITS), 3, "boom", MS);

    assertThat(result.operations()).isZero();
    assertThat(result.percentileMs(50)).isNaN();
  }

  @Test
  void roundsArePooledForTheirPercentiles() {
    Histogram pooled =
        Load.Result.pooled(
            List.of(new Load.Result(milliseconds(1, 100), 0, null, MS), new Load.Result(milliseconds(101, 200), 0, null, MS)));

    assertThat(pooled.getTotalCount()).isEqualTo(200);
    assertThat(Load.Result.percentileMs(pooled, 50)).isCloseTo(100, withinPercentage(0.1));
    assertThat(Load.Result.percentileMs(pooled, 99)).isCloseTo(198, withinPercentage(0.1));
  }

  @Test
  void theRecorderCountsFailedOperationsAsErrorsNotAsLatencies() {
    Load.Recorder recorder = new Load.Recorder();

    recorder.time(System.nanoTime(), sequence -> {});
    recorder.time(System.nanoTime(), sequence -> {
      throw new IllegalStateException("refused");
    });
    Load.Result result = recorder.result(MS);

    assertThat(result.operations()).isOne();
    assertThat(result.errors()).isOne();
    assertThat(result.firstError()).contains("refused");
  }

  /** One operation of each whole number of milliseconds from {@code first} to {@code last}. */
  private static Histogram milliseconds(long first, long last) {
    Histogram histogram = new Histogram(Load.Result.SIGNIFICANT_DIGITS);
    for (long ms = first; ms <= last; ms++) {
      histogram.recordValue(ms * MS);
    }
    return histogram;
  }
}
