package org.agentry.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A task as {@code GET /api/v1/tasks/{id}} shows it.
 *
 * @param status {@code queued}, {@code running}, {@code waiting}, {@code completed}, {@code failed}
 *     or {@code cancelled}
 * @param priority 0–9
 * @param error why it failed, or null
 * @param question while {@code waiting}: what the agent asked
 * @param tokenBudget its own token budget (tokens), or null when its agent's applies
 * @param usage totals of its model calls; null in lists
 * @param responseSchema the JSON Schema the final answer must match, or null for free text
 */
public record Task(
    String taskId,
    String agent,
    String status,
    int priority,
    List<String> tags,
    String input,
    String sessionId,
    String parentTaskId,
    String output,
    Error error,
    String stopReason,
    String question,
    boolean cancelRequested,
    int attempts,
    Long tokenBudget,
    Usage usage,
    Instant notBefore,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant updatedAt,
    jakarta.json.JsonObject responseSchema) {

  /** The statuses a task ends in. */
  public static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  /** Why a task failed: a stable code and a message. */
  public record Error(String code, String message) {}

  /** Model calls ({@code iterations}), tokens and USD. */
  public record Usage(
      long iterations, long promptTokens, long completionTokens, BigDecimal costUsd) {}

  /** Whether the task has ended (completed, failed or cancelled). */
  public boolean finished() {
    return TERMINAL.contains(status);
  }
}
