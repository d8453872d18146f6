package org.agentry.run.control;

import java.math.BigDecimal;
import java.util.List;
import org.agentry.agent.entity.StopReason;

/** How one run of the agent loop ended: a final answer, a wait for a person, or a stop. */
public sealed interface RunOutcome {

  /** What the run used and did, whatever its end. */
  Totals totals();

  /** The stop reason as the API reports it; null while the run waits for an answer. */
  StopReason stopReason();

  /** The model answered without asking for tools. */
  record Completed(String reply, Totals totals) implements RunOutcome {
    @Override
    public StopReason stopReason() {
      return StopReason.COMPLETED;
    }
  }

  /**
   * The run waits for a person's answer to the agent's {@code ask_user} question.
   *
   * @param pendingCallId the id of the {@code ask_user} tool call the answer will complete
   */
  record Waiting(String question, String pendingCallId, Totals totals) implements RunOutcome {
    @Override
    public StopReason stopReason() {
      return null;
    }
  }

  /**
   * The run stopped before a final answer: a limit, a cancel, a provider failure.
   *
   * @param error what went wrong for {@code provider_error}, else null
   * @param retriable for {@code provider_error}: whether trying again later may succeed
   */
  record Stopped(StopReason stopReason, String error, boolean retriable, Totals totals)
      implements RunOutcome {}

  /**
   * Sums over the run's model calls, and its tool calls.
   *
   * @param iterations model calls made
   * @param costUsd USD
   */
  record Totals(
      String sessionId,
      int iterations,
      long promptTokens,
      long completionTokens,
      BigDecimal costUsd,
      List<ToolCallSummary> toolCalls) {}

  /**
   * One tool call of the run.
   *
   * @param result the tool's output, or null when it failed
   * @param error why it failed, or null
   * @param durationMs in ms
   */
  record ToolCallSummary(
      String id, String name, String arguments, String result, String error, long durationMs) {}
}
