package ru.mos.localisation.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.HdrHistogram.Histogram;

/** What the benchmark measured: a table on the console and {@code results.json}. */
final class Report {

  /** One side of a scenario over all its rounds: median throughput, pooled latency percentiles. */
  record Measured(
      String scenario,
      String side,
      int clients,
      List<Double> perSecondByRound,
      double medianPerSecond,
      long operations,
      long errors,
      String firstError,
      double p50Ms,
      double p95Ms,
      double p99Ms) {

    static Measured of(String scenario, String side, int clients, List<Load.Result> rounds) {
      Histogram pooled = Load.Result.pooled(rounds);
      return new Measured(
          scenario,
          side,
          clients,
          rounds.stream().map(Load.Result::perSecond).toList(),
          median(rounds.stream().mapToDouble(Load.Result::perSecond)),
          pooled.getTotalCount(),
          rounds.stream().mapToLong(Load.Result::errors).sum(),
          rounds.stream().map(Load.Result::firstError).filter(e -> e != null).findFirst().orElse(null),
          Load.Result.percentileMs(pooled, 50),
          Load.Result.percentileMs(pooled, 95),
          Load.Result.percentileMs(pooled, 99));
    }
  }

  /** A target of the issue: the measured figure, the bound, and whether it holds. */
  record Target(String name, double measured, String comparison, double bound, boolean met) {
    static Target atLeast(String name, double measured, double bound) {
      return new Target(name, measured, ">=", bound, measured >= bound);
    }

    static Target atMost(String name, double measured, double bound) {
      return new Target(name, measured, "<=", bound, measured <= bound);
    }
  }

  private final Map<String, Object> environment = new LinkedHashMap<>();
  private final List<Measured> measured = new ArrayList<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, List<Map<String, Object>>> statements = new LinkedHashMap<>();
  private final Map<String, Map<String, double[]>> rowsWritten = new LinkedHashMap<>();

  void environment(String name, Object value) {
    environment.put(name, value);
  }

  Measured add(Measured side) {
    measured.add(side);
    return side;
  }

  void figure(String name, Object value) {
    figures.put(name, value);
  }

  void target(Target target) {
    targets.add(target);
  }

  /** The database statements that took the most time during a scenario. */
  void statements(String scenario, List<Map<String, Object>> top) {
    if (!top.isEmpty()) {
      statements.put(scenario, top);
    }
  }

  /** Rows written per lifecycle, per table: inserted, updated, deleted. */
  void rowsWritten(String side, Map<String, double[]> perTable) {
    rowsWritten.put(side, perTable);
  }

  void print() {
    StringBuilder out = new StringBuilder("\n=== Localisation Approval benchmark ===\n");
    environment.forEach((name, value) -> out.append("  %-22s %s%n".formatted(name, value)));
    out.append(
        "%n%-34s %-26s %7s %9s %8s %8s %8s %8s %6s%n"
            .formatted("scenario", "side", "clients", "median/s", "ops", "p50 ms", "p95 ms", "p99 ms", "errors"));
    for (Measured side : measured) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-34s %-26s %7d %9.1f %8d %8.1f %8.1f %8.1f %6d%n",
              side.scenario(), side.side(), side.clients(), side.medianPerSecond(), side.operations(),
              side.p50Ms(), side.p95Ms(), side.p99Ms(), side.errors()));
    }
    measured.stream()
        .filter(side -> side.firstError() != null)
        .forEach(side -> out.append("  first error of %s / %s: %s%n".formatted(side.scenario(), side.side(), side.firstError())));
    out.append("\nfigures\n");
    figures.forEach((name, value) -> out.append("  %-46s %s%n".formatted(name, format(value))));
    rowsWritten.forEach(
        (side, perTable) -> {
          out.append("\nrows written per lifecycle, ").append(side).append(" (inserted, updated, deleted)\n");
          perTable.entrySet().stream()
              .filter(entry -> !entry.getKey().equals("bench_commit"))
              .sorted((a, b) -> Double.compare(sum(b.getValue()), sum(a.getValue())))
              .forEach(
                  entry ->
                      out.append(
                          String.format(
                              Locale.ROOT, "  %-28s %8.1f %8.1f %8.1f %8.1f%n", entry.getKey(), entry.getValue()[0],
                              entry.getValue()[1], entry.getValue()[2], sum(entry.getValue()))));
        });
    out.append("\ntargets\n");
    for (Target target : targets) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-46s %10.3f %s %-8s %s%n",
              target.name(), target.measured(), target.comparison(), format(target.bound()),
              target.met() ? "met" : "NOT MET"));
    }
    statements.forEach(
        (scenario, top) -> {
          out.append("\nstatements with the most database time: ").append(scenario).append('\n');
          top.stream()
              .limit(6)
              .forEach(
                  row -> {
                    String query = String.valueOf(row.get("query"));
                    out.append(
                        "  %8s ms %7s calls %8s ms/call  %s%n"
                            .formatted(row.get("totalMs"), row.get("calls"), row.get("meanMs"),
                                query.substring(0, Math.min(query.length(), 110))));
                  });
        });
    System.out.println(out);
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    json.put("scenarios", measured);
    json.put("figures", figures);
    json.put("targets", targets);
    json.put("statements", statements);
    json.put("rowsWrittenPerLifecycle", rowsWritten);
    Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    System.out.println("Results written to " + file.toAbsolutePath());
  }

  private static double sum(double[] values) {
    return DoubleStream.of(values).sum();
  }

  static double median(DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String format(Object value) {
    return value instanceof Double number ? String.format(Locale.ROOT, "%.3f", number) : String.valueOf(value);
  }
}
