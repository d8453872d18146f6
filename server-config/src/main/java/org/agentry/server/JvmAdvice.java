package org.agentry.server;

import java.util.List;
import java.util.Optional;

/**
 * The JVM options recommended for a small machine, and the advice the launcher prints when they are
 * missing there.
 *
 * <p>On two cores the C2 compiler and G1's concurrent threads take a large share of the CPU for as
 * long as a benchmark runs: JFR's thread CPU load puts the JIT threads at 19 % of the server's CPU
 * in the warm round (C2 12.5 %), and C1 alone with the serial collector did the same work in about
 * half the CPU per task, still after 8,000 tasks (README, "JVM options"). The JVM's own ergonomics
 * pick the serial collector below two CPUs, not at two.
 */
public final class JvmAdvice {

  /**
   * The options {@code README.md}'s run command gives: C1 only and the serial collector (also
   * {@code agentry.small-machine.jvm-options} in {@code server-config/pom.xml}, for tests and
   * benchmarks).
   */
  public static final List<String> SMALL_MACHINE_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Up to this many CPUs the options are recommended. */
  public static final int SMALL_MACHINE_CPUS = 4;

  private JvmAdvice() {}

  /**
   * The advice for a JVM started with the given options on the given CPUs: empty when the machine
   * is larger than {@link #SMALL_MACHINE_CPUS}, or when the options already choose a compiler level
   * or a collector (an operator's choice stands).
   *
   * @param cpus the CPUs the JVM sees ({@link Runtime#availableProcessors()})
   * @param jvmOptions the JVM's input arguments (as {@code RuntimeMXBean.getInputArguments()})
   */
  public static Optional<String> advice(int cpus, List<String> jvmOptions) {
    if (cpus > SMALL_MACHINE_CPUS) {
      return Optional.empty();
    }
    boolean chosen =
        jvmOptions.stream()
            .anyMatch(
                option ->
                    option.startsWith("-XX:TieredStopAtLevel=")
                        || option.equals("-XX:-TieredCompilation")
                        || (option.startsWith("-XX:+Use") && option.endsWith("GC")));
    if (chosen) {
      return Optional.empty();
    }
    var options = String.join(" ", SMALL_MACHINE_OPTIONS);
    return Optional.of(
        "agentry: on "
            + cpus
            + " CPUs the server uses less CPU per task and starts sooner with "
            + options
            + " (java "
            + options
            + " -jar agentry.jar); see README.md, JVM options");
  }
}
