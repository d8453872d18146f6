package org.agentry.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A session (a conversation with one agent) as {@code /api/v1/sessions} shows it. In a list only
 * the summary members are set; {@code GET /api/v1/sessions/{id}} adds {@code usage}, a page of
 * {@code toolCalls} (oldest first) and the cursor of the next page of tool calls.
 *
 * @param status {@code active} or {@code killed}
 * @param turns finished chat turns
 */
public record Session(
    String id,
    String agent,
    String status,
    int turns,
    Instant createdAt,
    Instant updatedAt,
    Usage usage,
    List<ToolCall> toolCalls,
    String nextCursor) {

  /** Tokens, USD and model calls summed over the session. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {}

  /**
   * One tool call the session's agent made.
   *
   * @param arguments the call's JSON arguments as text
   * @param durationMs ms
   */
  public record ToolCall(
      String id,
      String name,
      String arguments,
      String result,
      boolean truncated,
      String error,
      long durationMs,
      Instant createdAt) {}
}
