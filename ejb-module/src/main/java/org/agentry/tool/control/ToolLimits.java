package org.agentry.tool.control;

import java.time.Duration;

/**
 * The quotas every tool call of a run is held to. Each is a setting (see README, "Configuration").
 *
 * @param maxOutputBytes most bytes (UTF-8) of a tool's output the model gets; the rest is cut
 *     ({@code agentry.tools.max-output-bytes}, default 32 KiB)
 * @param maxCallsPerResponse most tool calls run of one model response; the rest are answered as
 *     not run ({@code agentry.tools.max-calls-per-response}, default 16)
 * @param callTimeout longest a tool call may take before its wait is given up ({@code
 *     agentry.tools.call-timeout-seconds}, default 60 s)
 */
public record ToolLimits(int maxOutputBytes, int maxCallsPerResponse, Duration callTimeout) {

  /** 32 KiB of output, 16 calls per response, 60 s per call. */
  public static final ToolLimits DEFAULT = new ToolLimits(32 * 1024, 16, Duration.ofSeconds(60));

  /**
   * @throws IllegalArgumentException if a limit is not positive
   */
  public ToolLimits {
    if (maxOutputBytes < 1
        || maxCallsPerResponse < 1
        || callTimeout.isNegative()
        || callTimeout.isZero()) {
      throw new IllegalArgumentException("tool limits must be positive");
    }
  }
}
