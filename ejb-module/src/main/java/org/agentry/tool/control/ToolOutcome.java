package org.agentry.tool.control;

import java.util.concurrent.TimeUnit;

/**
 * How a tool call ended.
 *
 * @param result the tool's output, or null when it failed
 * @param error why it failed, or null
 * @param durationMs how long it took, in ms
 */
public record ToolOutcome(String result, String error, long durationMs) {

  static ToolOutcome succeeded(String result, long startNanos) {
    return new ToolOutcome(result, null, since(startNanos));
  }

  static ToolOutcome failed(String error, long startNanos) {
    return new ToolOutcome(null, error, since(startNanos));
  }

  /** What the model is told: the result, or {@code Error: <why>}. */
  public String textForModel() {
    return error == null ? result : "Error: " + error;
  }

  private static long since(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
