package org.agentry.agent.rest;

import java.math.BigDecimal;
import java.util.List;
import org.agentry.run.control.RunOutcome;

/**
 * The outcome of a chat turn.
 *
 * @param reply the agent's final answer, or null when the turn stopped without one
 * @param stopReason {@code completed}, {@code max_iterations}, {@code max_duration}, {@code
 *     budget_exceeded}, {@code provider_error}, {@code cancelled}, {@code output_invalid} (the
 *     answer was not the agent's XML output element, also after the repairs) or {@code
 *     approval_required} (a tool call waits for a person's decision: {@code approvalId} names it;
 *     see {@code /api/v1/approvals})
 * @param error what went wrong, for {@code provider_error}, {@code max_duration} and {@code
 *     output_invalid}
 * @param usage tokens and cost of this turn's model calls
 * @param toolCalls the tool calls of this turn, in order
 * @param speculative true when the reply came from the agent's speculative model; else absent
 * @param taskId for a speculative turn: the background task working out the full answer
 */
public record ChatResponse(
    String sessionId,
    String reply,
    String stopReason,
    String error,
    int iterations,
    Usage usage,
    List<RunOutcome.ToolCallSummary> toolCalls,
    String approvalId,
    Boolean speculative,
    String taskId) {

  /** The stop reason of a turn that ended on a tool call waiting for approval. */
  public static final String APPROVAL_REQUIRED = "approval_required";

  /** Token counts and cost in USD. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd) {}

  static ChatResponse of(RunOutcome outcome) {
    var totals = outcome.totals();
    var reply = outcome instanceof RunOutcome.Completed done ? done.reply() : null;
    var error = outcome instanceof RunOutcome.Stopped stopped ? stopped.error() : null;
    var approval =
        outcome instanceof RunOutcome.Waiting waiting && waiting.approval() != null
            ? waiting.approval()
            : null;
    var stopReason =
        outcome.stopReason() != null
            ? outcome.stopReason().apiName()
            : approval != null ? APPROVAL_REQUIRED : null;
    return new ChatResponse(
        totals.sessionId(),
        reply,
        stopReason,
        error,
        totals.iterations(),
        new Usage(
            totals.promptTokens(),
            totals.completionTokens(),
            totals.costUsd().stripTrailingZeros()),
        totals.toolCalls(),
        approval == null ? null : approval.approvalId(),
        null,
        null);
  }

  /** The same response for a speculative turn whose full answer the task works out. */
  ChatResponse speculative(String backgroundTaskId) {
    return new ChatResponse(
        sessionId,
        reply,
        stopReason,
        error,
        iterations,
        usage,
        toolCalls,
        approvalId,
        true,
        backgroundTaskId);
  }
}
