package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/agents/{name}/chat}: one turn run in the caller's request.
 *
 * @param sessionId pass it again to go on in the same session
 * @param reply the final answer, or null when the turn stopped without one
 * @param stopReason {@code completed}, {@code max_iterations}, {@code max_duration}, {@code
 *     budget_exceeded}, {@code provider_error}, {@code cancelled} or {@code output_invalid}
 * @param error what went wrong, for some stop reasons
 * @param iterations model calls
 * @param toolCalls the turn's tool calls in order ({@code {id, name, arguments, …}})
 */
public record ChatReply(
    String sessionId,
    String reply,
    String stopReason,
    String error,
    int iterations,
    Usage usage,
    List<JsonObject> toolCalls,
    Boolean speculative,
    String taskId) {

  /** Tokens and USD of the turn. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd) {}
}
