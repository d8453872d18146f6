package org.agentry.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time as Linux's {@code /proc} counts it (proc(5)): of one process ({@code utime + stime} of
 * {@code /proc/<pid>/stat}), of every process of one command name (PostgreSQL's backends), and of
 * the whole machine ({@code /proc/stat}'s {@code cpu} line: busy is everything but idle and
 * iowait). Milliseconds throughout.
 */
final class MachineCpu {

  /** One reading of the server, the database, this JVM and the machine, in CPU milliseconds. */
  record Reading(long server, long database, long self, long machineBusy, long machineTotal) {

    /** The CPU spent between {@code earlier} and this reading. */
    Reading minus(Reading earlier) {
      return new Reading(
          server - earlier.server,
          database - earlier.database,
          self - earlier.self,
          machineBusy - earlier.machineBusy,
          machineTotal - earlier.machineTotal);
    }
  }

  private MachineCpu() {}

  /** Reads the server process's, PostgreSQL's (processes named {@code postgres}), this JVM's. */
  static Reading read(long serverPid) throws IOException {
    long[] machine = machine();
    return new Reading(
        process(serverPid),
        command("postgres"),
        process(ProcessHandle.current().pid()),
        machine[0],
        machine[1]);
  }

  /** The process's CPU time, or 0 when it is gone. */
  static long process(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * 1000 / hz();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The CPU time of the processes now running whose command name is {@code name}. */
  static long command(String name) throws IOException {
    long ticks = 0;
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (var entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          var stat = Files.readString(entry.resolve("stat"));
          var comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (comm.equals(name)) {
            ticks += ticks(stat);
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while being read
        }
      }
    }
    return ticks * 1000 / hz();
  }

  /** Busy and total CPU time of all CPUs. */
  private static long[] machine() throws IOException {
    var line = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    long idle = 0;
    for (int i = 1; i < line.length && i <= 8; i++) { // user … steal
      long value = Long.parseLong(line[i]);
      total += value;
      if (i == 4 || i == 5) { // idle, iowait
        idle += value;
      }
    }
    return new long[] {(total - idle) * 1000 / hz(), total * 1000 / hz()};
  }

  /** After the command name (in parentheses, may hold spaces): utime and stime, fields 14, 15. */
  private static long ticks(String stat) {
    var fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long hz() {
    return ClockTicks.PER_SECOND;
  }

  /** Clock ticks per second of {@code /proc} CPU times ({@code getconf CLK_TCK}, else 100). */
  private static final class ClockTicks {
    static final long PER_SECOND = read();

    private static long read() {
      try {
        var getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        var out = new String(getconf.getInputStream().readAllBytes()).trim();
        return getconf.waitFor(10, TimeUnit.SECONDS) ? Long.parseLong(out) : 100;
      } catch (IOException | NumberFormatException e) {
        return 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 100;
      }
    }
  }
}
