package ru.mos.localisation.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load generator: a fixed number of clients, each bounded in operations and in time. Latency
 * is taken per operation; an operation that throws counts as an error, not as a latency.
 */
final class Load {

  /** One unit of work; {@code sequence} is unique within the run, for unique data per request. */
  @FunctionalInterface
  interface Operation {
    void run(long sequence) throws Exception;
  }

  /** Unique across the whole run, so that no two requests share an external reference. */
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Load() {}

  /**
   * Closed loop: each client runs operations back to back until {@code duration} has passed or
   * {@code maxOperations} were started; throughput is operations over the time until the last ended.
   */
  static Result closed(int clients, Duration duration, long maxOperations, Operation operation) {
    Recorder recorder = new Recorder();
    AtomicLong started = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    long begin = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline && started.incrementAndGet() <= maxOperations) {
                    recorder.time(System.nanoTime(), operation);
                  }
                }));
      }
      running.forEach(Load::await);
    } finally {
      pool.shutdownNow();
    }
    return recorder.result(System.nanoTime() - begin);
  }

  /**
   * Open loop: operations start at a fixed rate whatever the answers, on as many threads as they
   * need. Latency counts from the planned start, so a server that falls behind shows it in the
   * tail (no coordinated omission).
   */
  static Result open(double perSecond, Duration duration, int maxInFlight, Operation operation) {
    Recorder recorder = new Recorder();
    long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    long operations = duration.toNanos() / interval;
    long begin = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (long i = 0; i < operations; i++) {
        long planned = begin + i * interval;
        sleepUntil(planned);
        running.add(pool.submit(() -> recorder.time(planned, operation)));
      }
      running.forEach(Load::await);
    } finally {
      pool.shutdownNow();
    }
    return recorder.result(System.nanoTime() - begin);
  }

  static long nextSequence() {
    return SEQUENCE.incrementAndGet();
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (Exception e) {
      throw new IllegalStateException("A load client failed", e);
    }
  }

  /** Latencies and errors of one measured phase, collected from many threads. */
  static final class Recorder {
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(Result.SIGNIFICANT_DIGITS);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    void time(long start, Operation operation) {
      try {
        operation.run(nextSequence());
        latencies.recordValue(System.nanoTime() - start);
      } catch (Exception | AssertionError e) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, e.toString());
      }
    }

    Result result(long elapsedNanos) {
      Histogram snapshot = new Histogram(Result.SIGNIFICANT_DIGITS);
      snapshot.add(latencies);
      return new Result(snapshot, errors.get(), firstError.get(), elapsedNanos);
    }
  }

  /**
   * What a phase measured: its latencies in nanoseconds (an HdrHistogram: three significant digits,
   * so a percentile is exact to 0.1 %), errors and its wall-clock time.
   */
  record Result(Histogram latencies, long errors, String firstError, long elapsedNanos) {

    static final int SIGNIFICANT_DIGITS = 3;

    /** The latencies of several phases together (the errors and times are the phases' own). */
    static Histogram pooled(List<Result> results) {
      Histogram pooled = new Histogram(SIGNIFICANT_DIGITS);
      results.forEach(result -> pooled.add(result.latencies()));
      return pooled;
    }

    long operations() {
      return latencies.getTotalCount();
    }

    double seconds() {
      return elapsedNanos / 1e9;
    }

    double perSecond() {
      return operations() / seconds();
    }

    /** Nearest-rank percentile in milliseconds (to the histogram's precision); NaN without operations. */
    double percentileMs(double percentile) {
      return percentileMs(latencies, percentile);
    }

    static double percentileMs(Histogram latencies, double percentile) {
      if (latencies.getTotalCount() == 0) {
        return Double.NaN;
      }
      return latencies.getValueAtPercentile(percentile) / 1e6;
    }
  }
}
