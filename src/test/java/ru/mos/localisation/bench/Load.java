package ru.mos.localisation.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
  private static final class Recorder {
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    void time(long start, Operation operation) {
      try {
        operation.run(nextSequence());
        latencies.add(System.nanoTime() - start);
      } catch (Exception | AssertionError e) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, e.toString());
      }
    }

    Result result(long elapsedNanos) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Result(sorted, errors.get(), firstError.get(), elapsedNanos);
    }
  }

  /** What a phase measured: sorted latencies in nanoseconds, errors and its wall-clock time. */
  record Result(long[] latencies, long errors, String firstError, long elapsedNanos) {

    long operations() {
      return latencies.length;
    }

    double seconds() {
      return elapsedNanos / 1e9;
    }

    double perSecond() {
      return latencies.length / seconds();
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentileMs(double percentile) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
      return latencies[Math.max(0, rank - 1)] / 1e6;
    }
  }
}
