package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A thread (a session seen as a channel between agents) as {@code /api/v1/threads} shows it. A list
 * sets the summary members; {@code GET /api/v1/threads/{id}} adds participants, the message count,
 * usage and the thread's budget; a kill adds the ids of the tasks it stopped.
 *
 * @param status {@code active} or {@code killed}
 * @param budget the thread's budget view (limits and what was spent), or null
 */
public record AgentThread(
    String id,
    String agent,
    String status,
    int turns,
    Instant createdAt,
    Instant updatedAt,
    List<String> participants,
    Long messageCount,
    Usage usage,
    JsonObject budget,
    List<String> cancelledTasks) {

  /** Tokens, USD and model calls summed over the thread. */
  public record Usage(long promptTokens, long completionTokens, BigDecimal costUsd, long calls) {}
}
