package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.control.ToolRetry;

/**
 * Runs one tool call under its {@link ToolRetry} policy: a failure of the tool's execution is tried
 * again after the policy's backoff, each failed attempt reported to the recorder first, until an
 * attempt succeeds, the attempts are used up, the run is asked to stop, or the wait would pass the
 * run's deadline. The outcome's error then says how many attempts were made.
 */
final class ToolAttempts {

  private ToolAttempts() {}

  /**
   * @param attempt runs the call once
   * @param remaining the time the run has left
   */
  static ToolOutcome run(
      ToolExecutionRequest call,
      ToolRetry retry,
      Supplier<ToolOutcome> attempt,
      StepRecorder recorder,
      Supplier<Duration> remaining) {
    var outcome = attempt.get();
    int made = 1;
    while (outcome.retriable() && made < retry.maxAttempts()) {
      var delay = retry.delayBefore(made + 1);
      if (recorder.shouldStop() || remaining.get().compareTo(delay) <= 0) {
        break;
      }
      recorder.toolRetrying(call, made, outcome.error(), delay);
      if (!pause(delay)) {
        break;
      }
      outcome = attempt.get();
      made++;
    }
    return outcome.afterAttempts(made);
  }

  /** Waits before the next attempt; false when interrupted (the run is stopping). */
  private static boolean pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
