package org.agentry.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built server ({@code target/agentry.jar}) run as a separate process, as a user runs it.
 * Output goes to a log file in the data directory's parent so that failures can show it.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

  final Path dataDir;
  final int port;
  final Path log;
  private final Map<String, String> environment;
  private Process process;

  ServerProcess(Path dataDir, Map<String, String> environment) throws IOException {
    this.dataDir = dataDir;
    this.port = freePort();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    this.environment = new HashMap<>(environment);
    this.environment.put("AGENTRY_DATA_DIR", dataDir.toString());
    this.environment.put("AGENTRY_HTTP_PORT", Integer.toString(port));
  }

  /** A work directory under the build's target folder, emptied first. */
  static Path workDirectory(String name) throws IOException {
    var dir = Path.of(System.getProperty("agentry.it.work", "target/it-work")).resolve(name);
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  /** Starts the server and waits until {@code /health/ready} reports the database check UP. */
  ServerProcess start() throws IOException, InterruptedException {
    var jar = Path.of(System.getProperty("agentry.it.jar", "target/agentry.jar"));
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    awaitReady();
    return this;
  }

  private void awaitReady() throws IOException, InterruptedException {
    var client = HttpClient.newHttpClient();
    var deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited during startup\n" + logTail());
      }
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("server not ready in " + STARTUP_TIMEOUT + "\n" + logTail());
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  String logTail() throws IOException {
    var text = logText();
    return text.substring(Math.max(0, text.length() - 6000));
  }

  /** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** The server's resident set size in MiB, from {@code /proc/<pid>/status} (Linux only). */
  long rssMiB() throws IOException {
    for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** Kills the server as a crash would ({@code kill -9}) and waits for it to be gone. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
