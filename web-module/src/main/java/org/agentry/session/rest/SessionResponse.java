package org.agentry.session.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.agentry.session.boundary.Sessions;
import org.agentry.session.entity.Session;
import org.agentry.tool.entity.ToolCallRecord;

/**
 * A session; the detail view adds its usage totals and a page of its tool calls.
 *
 * @param status {@code active} or {@code killed}
 * @param turns finished turns
 * @param toolCalls in the detail view, a page of the session's tool calls, oldest first
 * @param nextCursor in the detail view, the {@code cursor} of the next page of tool calls; absent
 *     on the last page
 */
public record SessionResponse(
    String id,
    String agent,
    String status,
    int turns,
    Instant createdAt,
    Instant updatedAt,
    Usage usage,
    List<ToolCall> toolCalls,
    String nextCursor) {

  /** Totals over the session's model calls: tokens, cost in USD, call count. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {}

  /** A tool call; {@code result} is capped at 16 KiB ({@code truncated}). */
  public record ToolCall(
      String id,
      String name,
      String arguments,
      String result,
      boolean truncated,
      String error,
      long durationMs,
      Instant createdAt) {}

  static SessionResponse summary(Session session) {
    return new SessionResponse(
        session.getId(),
        session.getAgentName(),
        session.getStatus().name().toLowerCase(java.util.Locale.ROOT),
        session.getTurns(),
        session.getCreatedAt(),
        session.getUpdatedAt(),
        null,
        null,
        null);
  }

  static SessionResponse detail(
      Session session, Sessions.UsageTotals usage, List<ToolCallRecord> toolCalls, String next) {
    var totals =
        new Usage(usage.promptTokens(), usage.completionTokens(), usage.costUsd(), usage.calls());
    var calls =
        toolCalls.stream()
            .map(
                t ->
                    new ToolCall(
                        t.getCallId(),
                        t.getToolName(),
                        t.getArguments(),
                        t.getResult(),
                        t.isTruncated(),
                        t.getError(),
                        t.getDurationMs(),
                        t.getCreatedAt()))
            .toList();
    var base = summary(session);
    return new SessionResponse(
        base.id(),
        base.agent(),
        base.status(),
        base.turns(),
        base.createdAt(),
        base.updatedAt(),
        totals,
        calls,
        next);
  }
}
