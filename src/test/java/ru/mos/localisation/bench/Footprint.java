package ru.mos.localisation.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory as the operating system and the JVM see it (Linux: {@code /proc}). */
final class Footprint {

  private Footprint() {}

  /** Resident set size of a process in MiB, or -1 where {@code /proc} is not there. */
  static long rssMegabytes(long pid) {
    return statusKilobytes(pid, "VmRSS:") / 1024;
  }

  /** The highest resident set size the process has had, in MiB, or -1. */
  static long peakRssMegabytes(long pid) {
    return statusKilobytes(pid, "VmHWM:") / 1024;
  }

  /** Used heap in MiB right after a full collection. */
  static long heapAfterGcMegabytes() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private static long statusKilobytes(long pid, String field) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
          .filter(line -> line.startsWith(field))
          .map(line -> line.replaceAll("\\D", ""))
          .mapToLong(Long::parseLong)
          .findFirst()
          .orElse(-1024);
    } catch (IOException e) {
      return -1024;
    }
  }
}
