package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellToolTest {

  @TempDir Path workspace;

  private String run(ShellTool tool, String command) throws ToolException {
    return tool.execute(
        new ToolContext("a", null, null, workspace),
        Json.createObjectBuilder().add("command", command).build());
  }

  private static ShellTool allowing(String... programs) {
    return new ShellTool(List.of(programs), Duration.ofSeconds(10), 1000);
  }

  @Test
  void withoutAnAllowListNothingRuns() {
    var error = assertThrows(ToolException.class, () -> run(new ShellTool(), "ls"));
    assertTrue(error.getMessage().contains("the shell tool is off"), error.getMessage());
  }

  @Test
  void aProgramOffTheAllowListIsRefusedAndAPathCannotDodgeIt() {
    var tool = allowing("ls", "echo");
    var error = assertThrows(ToolException.class, () -> run(tool, "rm -rf x"));
    assertEquals("the program 'rm' is not allowed; allowed: ls, echo", error.getMessage());
    assertThrows(ToolException.class, () -> run(tool, "/bin/ls"));
    assertThrows(ToolException.class, () -> run(tool, "./ls"));
  }

  @Test
  void metacharactersAreRefusedBeforeAnythingRuns() {
    var error = assertThrows(ToolException.class, () -> run(allowing("*"), "touch x; touch y"));
    assertTrue(error.getMessage().contains("there is no shell"));
    assertFalse(Files.exists(workspace.resolve("x")));
  }

  @Test
  void theResultHasTheExitCodeStdoutAndStderr() throws Exception {
    var ok = run(allowing("echo"), "echo 'hello  world'");
    assertEquals("exit code: 0\nstdout:\nhello  world\n\nstderr:\n", ok);

    var failed = run(allowing("ls"), "ls no-such-file");
    assertTrue(failed.startsWith("exit code: 2\nstdout:\n\nstderr:\n"), failed);
    assertTrue(failed.contains("no-such-file"), failed);
  }

  @Test
  void itRunsInTheWorkspaceSoRelativeFilesAreTheWorkspaces() throws Exception {
    Files.writeString(workspace.resolve("notes.txt"), "in the workspace");
    var tool = allowing("cat", "pwd", "touch");

    assertTrue(run(tool, "cat notes.txt").contains("\nin the workspace\n"));
    assertTrue(run(tool, "pwd").contains("\n" + workspace.toRealPath() + "\n"));
    run(tool, "touch made.txt");
    assertTrue(Files.exists(workspace.resolve("made.txt")));
  }

  @Test
  void theEnvironmentIsScrubbed() throws Exception {
    var out = run(allowing("env"), "env");
    var names = new TreeSet<String>();
    for (var line : out.split("\n")) {
      if (line.contains("=")) {
        names.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertEquals(new TreeSet<>(List.of("HOME", "LANG", "PATH")), names, out);
    assertTrue(out.contains("HOME=" + workspace + "\n"), out);
  }

  @Test
  void eachStreamIsCutToTheCap() throws Exception {
    var out = run(allowing("seq"), "seq 1 100000");
    int stdout = out.indexOf("stdout:\n") + 8;
    int note = out.indexOf("\n[output cut: ");
    assertEquals(1000, note - stdout, out);
    assertTrue(out.contains(" of 588895 bytes dropped]"), out);
  }

  @Test
  void atTheDeadlineTheChildAndItsGrandchildAreKilled() throws Exception {
    long start = System.nanoTime();
    var result =
        ProcessRun.run(
            List.of("sh", "-c", "sleep 60 & echo $! > grandchild.pid; sleep 60"),
            workspace,
            Map.of("PATH", ShellTool.PATH),
            Duration.ofMillis(1500),
            1000);
    assertTrue(result.timedOut());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
    long pid = Long.parseLong(Files.readString(workspace.resolve("grandchild.pid")).strip());
    var grandchild = ProcessHandle.of(pid);
    if (grandchild.isPresent()) {
      grandchild.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertFalse(grandchild.get().isAlive());
    }
  }

  @Test
  void aTimeoutIsReportedAsSuch() throws Exception {
    var tool = new ShellTool(List.of("sleep"), Duration.ofSeconds(1), 1000);
    var out = run(tool, "sleep 60");
    assertTrue(out.startsWith("timed out after 1 s; the process and its children were killed"));
  }

  @Test
  void anInterruptedWaitKillsTheTreeToo() throws Exception {
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    var waiter =
        new Thread(
            () -> {
              try {
                ProcessRun.run(
                    List.of("sh", "-c", "sleep 60 & echo $! > grandchild.pid; sleep 60"),
                    workspace,
                    Map.of("PATH", ShellTool.PATH),
                    Duration.ofSeconds(60),
                    1000);
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    waiter.start();
    var pidFile = workspace.resolve("grandchild.pid");
    for (int i = 0; i < 100 && !hasPid(pidFile); i++) {
      Thread.sleep(50);
    }
    waiter.interrupt();
    waiter.join(10_000);

    assertTrue(failure.get() instanceof InterruptedException, String.valueOf(failure.get()));
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    var grandchild = ProcessHandle.of(pid);
    if (grandchild.isPresent()) {
      grandchild.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static boolean hasPid(Path file) throws java.io.IOException {
    return Files.exists(file) && !Files.readString(file).isBlank();
  }
}
