package org.agentry.agent.control;

import java.math.BigDecimal;
import java.util.List;
import org.agentry.agent.entity.StopReason;

/**
 * What one run of the agent loop produced.
 *
 * @param sessionId the session it ran in
 * @param reply the model's final text, or null when the run stopped before one
 * @param stopReason why it ended
 * @param error what went wrong for {@code provider_error}, else null
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
    int iterations,
    long promptTokens,
    long completionTokens,
    BigDecimal costUsd,
    List<ToolCallSummary> toolCalls) {

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
