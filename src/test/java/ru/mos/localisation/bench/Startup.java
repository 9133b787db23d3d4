package ru.mos.localisation.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.mos.localisation.LocalisationApplication;

/**
 * Start-up time as a user sees it: a new JVM runs the application (main classes and runtime
 * libraries only, as {@code spring-boot:run} does) until {@code /actuator/health} answers.
 */
final class Startup {

  private static final Pattern SPRING_STARTED = Pattern.compile("Started LocalisationApplication in ([0-9.]+) seconds");
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** Seconds until health answered, and Spring's own figure from the log. */
  record Result(String label, double secondsToHealthy, OptionalDouble springSeconds, long rssMegabytes) {}

  private Startup() {}

  static Result measure(String label, Path workDirectory, String... arguments) throws Exception {
    Files.createDirectories(workDirectory);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(runtimeClasspath());
    command.add(LocalisationApplication.class.getName());
    command.add("--server.port=" + port);
    command.addAll(Arrays.asList(arguments));
    Path log = workDirectory.resolve("startup.log");

    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitHealthy(process, port, log);
      double seconds = (System.nanoTime() - start) / 1e9;
      long rss = Footprint.rssMegabytes(process.pid());
      Matcher started = SPRING_STARTED.matcher(Files.readString(log));
      return new Result(
          label,
          seconds,
          started.find() ? OptionalDouble.of(Double.parseDouble(started.group(1))) : OptionalDouble.empty(),
          rss);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitHealthy(Process process, int port, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited during start-up; see " + log);
      }
      try {
        if (client.send(health, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port opens late in the start-up
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("The application was not healthy within " + TIMEOUT + "; see " + log);
  }

  /**
   * The application's classes and its runtime libraries: the list the {@code bench} profile wrote
   * with {@code dependency:build-classpath}, or else this JVM's class path without test classes.
   */
  private static String runtimeClasspath() throws IOException {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    Path libraries = Path.of("target", "bench", "runtime-classpath.txt");
    if (Files.exists(libraries)) {
      return classes + File.pathSeparator + Files.readString(libraries).strip();
    }
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
