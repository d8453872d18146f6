package org.agentry.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

  /** 240 s, or {@code -Dagentry.it.startup.seconds} on a machine that is busy. */
  private static final Duration STARTUP_TIMEOUT =
      Duration.ofSeconds(Long.getLong("agentry.it.startup.seconds", 240));

  final Path dataDir;
  final int port;
  final Path log;
  private final Map<String, String> environment;
  private Process process;
  private Duration startup;

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
    long launched = System.nanoTime();
    process = builder().start();
    awaitReady();
    startup = Duration.ofNanos(System.nanoTime() - launched);
    return this;
  }

  /**
   * Starts the server expecting it to refuse to start, and waits for it to exit.
   *
   * @return its exit code
   * @throws IllegalStateException if it is still running after the startup timeout
   */
  int startExpectingExit() throws IOException, InterruptedException {
    process = builder().start();
    if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("server did not exit\n" + logTail());
    }
    return process.exitValue();
  }

  private ProcessBuilder builder() {
    var jar = Path.of(System.getProperty("agentry.it.jar", "target/agentry.jar"));
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    var javaOptions = System.getProperty("agentry.it.server.java-options", "");
    if (!javaOptions.isBlank() && !environment.containsKey("JDK_JAVA_OPTIONS")) {
      // README.md's run command's options (JvmAdvice): on two cores C1 alone and the serial
      // collector start a server about a quarter sooner; benchmarks pass theirs the same way
      builder.environment().put("JDK_JAVA_OPTIONS", javaOptions.trim());
    }
    builder.environment().putAll(environment);
    return builder;
  }

  /** Time from launching the process to {@code /health/ready} UP (polled every 100 ms). */
  Duration startup() {
    return startup;
  }

  /** The environment the server runs with: this JVM's, overridden by the given variables. */
  Map<String, String> effectiveEnvironment() {
    var merged = new HashMap<>(System.getenv());
    merged.putAll(environment);
    return merged;
  }

  private void awaitReady() throws IOException, InterruptedException {
    var deadline = Instant.now().plus(STARTUP_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited during startup\n" + logTail());
      }
      try {
        var answer = probeReadiness();
        if (answer.startsWith("HTTP/1.1 200 ") && answer.contains("\"database\"")) {
          return;
        }
        last = answer.lines().findFirst().orElse("empty answer");
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly().waitFor(); // a server left running would slow every later start
    throw new IllegalStateException(
        "server not ready in " + STARTUP_TIMEOUT + " (last: " + last + ")\n" + logTail());
  }

  /**
   * One readiness probe as a load balancer sends it: a new connection, HTTP/1.1, {@code Connection:
   * close}, 30 s to answer. A pooled client was not reliable here: a request sent while Payara was
   * still starting could stay unanswered for good, and the polls after it waited on it.
   */
  private String probeReadiness() throws IOException {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      var request =
          "GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
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

  /** The server's process id. */
  long pid() {
    return process.pid();
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

  /**
   * CPU time the server process has used so far, user plus system, in milliseconds: {@code utime +
   * stime} of {@code /proc/<pid>/stat} in clock ticks (Linux only).
   */
  long cpuMillis() {
    return MachineCpu.process(process.pid());
  }

  /**
   * The server's live heap in MiB: {@code jcmd <pid> GC.run}, then the {@code used} figure of the
   * first heap line of {@code jcmd <pid> GC.heap_info}; -1 when jcmd gives nothing readable.
   */
  long heapUsedAfterGcMiB() throws IOException, InterruptedException {
    var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    var pid = Long.toString(process.pid());
    new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
    var info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
    var text =
        new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    info.waitFor();
    var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  /**
   * The server's threads and their stacks ({@code jcmd <pid> Thread.print}), written to {@code
   * <work dir>/<name>-threads-<n>.txt} for a failing test to point at; the file's path, or why
   * there is none.
   */
  String threadDump() {
    try {
      var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      var file =
          log.resolveSibling(dataDir.getFileName() + "-threads-" + System.nanoTime() + ".txt");
      var dump =
          new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      return dump.waitFor(30, TimeUnit.SECONDS) ? file.toString() : "jcmd did not answer";
    } catch (IOException e) {
      return "no thread dump: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no thread dump: interrupted";
    }
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
