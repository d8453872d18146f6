package org.agentry.tool.control;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program as a child process in a folder, with only the given environment, stdin from {@code
 * /dev/null}, and a deadline after which the process and every descendant it still has are killed
 * ({@link ProcessHandle#descendants()}, then {@link ProcessHandle#destroyForcibly()}, which sends
 * SIGKILL on Linux). A descendant that has left the tree (a daemon that double-forked, or whose
 * parent already exited so that it was re-parented to init) is no longer a descendant and is not
 * killed.
 */
final class ProcessRun {

  /**
   * How a run ended.
   *
   * @param exitCode the process's exit code; after a kill, what the OS reports (137 on Linux)
   * @param timedOut whether it was killed at the deadline
   * @param stdout standard output as UTF-8, at most the cap, with a note when cut
   * @param stderr standard error likewise
   */
  record Result(int exitCode, boolean timedOut, String stdout, String stderr) {}

  private ProcessRun() {}

  /**
   * Runs the program and waits for it.
   *
   * @param argv the program and its arguments; the program is found on the environment's PATH
   * @param directory the working directory
   * @param environment the child's whole environment
   * @param timeout the deadline
   * @param maxBytes most bytes kept of each of stdout and stderr; the rest is read and dropped
   * @throws IOException if the program cannot be started (e.g. it does not exist)
   * @throws InterruptedException if the waiting thread is interrupted; the tree is killed first
   */
  static Result run(
      List<String> argv,
      Path directory,
      Map<String, String> environment,
      Duration timeout,
      int maxBytes)
      throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(argv)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(environment);
    var process = builder.start();
    var stdout = new Capture(process.getInputStream(), maxBytes);
    var stderr = new Capture(process.getErrorStream(), maxBytes);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process.toHandle());
      throw e;
    }
    if (!finished) {
      killTree(process.toHandle());
      process.waitFor(5, TimeUnit.SECONDS);
    }
    // a descendant that kept the pipes open may still write; the wait is bounded either way
    stdout.join(Duration.ofSeconds(2));
    stderr.join(Duration.ofSeconds(2));
    int exit = process.isAlive() ? -1 : process.exitValue();
    return new Result(exit, !finished, stdout.text(), stderr.text());
  }

  /** Kills the process and all its descendants, children first seen before the parent dies. */
  static void killTree(ProcessHandle root) {
    var descendants = root.descendants().toList();
    root.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  /** Drains a stream on its own thread, keeping its first bytes and counting the rest. */
  private static final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int maxBytes;
    private final Thread reader;
    private long total;

    Capture(InputStream in, int maxBytes) {
      this.maxBytes = maxBytes;
      reader = new Thread(() -> drain(in), "shell-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void drain(InputStream in) {
      var buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          synchronized (this) {
            int room = (int) Math.max(0, Math.min(n, maxBytes - total));
            kept.write(buffer, 0, room);
            total += n;
          }
        }
      } catch (IOException e) {
        // the pipe closed under us (process killed); what was read stays
      }
    }

    void join(Duration wait) throws InterruptedException {
      reader.join(wait.toMillis());
    }

    synchronized String text() {
      var head = ToolOutput.cut(kept.toString(StandardCharsets.UTF_8), maxBytes);
      long dropped = total - kept.size();
      return dropped <= 0
          ? head
          : head + "\n[output cut: " + dropped + " of " + total + " bytes dropped]";
    }
  }
}
