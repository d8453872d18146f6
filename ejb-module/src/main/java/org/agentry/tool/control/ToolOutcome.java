package org.agentry.tool.control;

import java.util.concurrent.TimeUnit;

/**
 * How a tool call ended.
 *
 * @param result the tool's output, or null when it failed
 * @param error why it failed, or null
 * @param durationMs how long it took, in ms
 * @param retriable whether the tool ran and failed (it threw, refused or timed out), so that a
 *     {@link ToolRetry} policy may run it again; false for success and for calls refused before
 *     they ran
 */
public record ToolOutcome(String result, String error, long durationMs, boolean retriable) {

  /** An outcome that is not retried. */
  public ToolOutcome(String result, String error, long durationMs) {
    this(result, error, durationMs, false);
  }

  static ToolOutcome succeeded(String result, long startNanos) {
    return new ToolOutcome(result, null, since(startNanos));
  }

  static ToolOutcome failed(String error, long startNanos) {
    return new ToolOutcome(null, error, since(startNanos));
  }

  /** A failure of the tool's execution, which a retry policy may run again. */
  static ToolOutcome executionFailed(String error, long startNanos) {
    return new ToolOutcome(null, error, since(startNanos), true);
  }

  /** The same failure, its error noting how many attempts were made. */
  public ToolOutcome afterAttempts(int attempts) {
    return attempts <= 1 || error == null
        ? this
        : new ToolOutcome(null, error + " (after " + attempts + " attempts)", durationMs, false);
  }

  /** What the model is told: the result, or {@code Error: <why>}. */
  public String textForModel() {
    return error == null ? result : "Error: " + error;
  }

  private static long since(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
