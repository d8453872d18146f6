package org.agentry.agent.control;

import java.math.BigDecimal;
import java.util.List;
import org.agentry.agent.entity.StopReason;

/**
 * What one run of the agent loop produced.
 *
 * @param sessionId the session it ran in
 * @param reply the model's final text, or null when the run stopped before one
 * @param stopReason why it ended; null when it waits for input
 * @param error what went wrong for {@code provider_error}, else null
 * @param retriable for {@code provider_error}: whether trying again later may succeed
 * @param question when waiting: what the agent asked the user ({@code ask_user}), else null
 * @param pendingCallId when waiting: the id of the {@code ask_user} call to answer
 * @param iterations model calls made
 * @param promptTokens sum over the run's model calls
 * @param completionTokens sum over the run's model calls
 * @param costUsd sum over the run's model calls, USD
 * @param toolCalls the tool calls made, in order
 */
public record RunOutcome(
    String sessionId,
    String reply,
    StopReason stopReason,
    String error,
    boolean retriable,
    String question,
    String pendingCallId,
    int iterations,
    long promptTokens,
    long completionTokens,
    BigDecimal costUsd,
    List<ToolCallSummary> toolCalls) {

  /** Whether the run stopped to wait for the user's answer. */
  public boolean isWaiting() {
    return question != null;
  }

  /**
   * One tool call of the run.
   *
   * @param result the tool's output, or null when it failed
   * @param error why it failed, or null
   * @param durationMs in ms
   */
  public record ToolCallSummary(
      String id, String name, String arguments, String result, String error, long durationMs) {}
}
