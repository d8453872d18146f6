package org.agentry.task.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.entity.Task;

/**
 * A task as the API shows it. Null members are left out.
 *
 * @param status {@code queued}, {@code running}, {@code waiting}, {@code completed}, {@code failed}
 *     or {@code cancelled}
 * @param question while {@code waiting}: what the agent asked
 * @param tokenBudget the task's own token budget (tokens): as submitted, or the share a goal or a
 *     delegating parent gave it; absent when the agent's budget applies
 * @param usage totals of the task's model calls (the list view leaves it out)
 * @param responseSchema the JSON Schema the final answer must match, or null for free text
 */
public record TaskResponse(
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

  /** Why a task failed: a stable code and a message. */
  public record Error(String code, String message) {}

  /** Model calls ({@code iterations}), tokens and USD. */
  public record Usage(
      long iterations, long promptTokens, long completionTokens, BigDecimal costUsd) {}

  static TaskResponse of(Task task, TaskQueries.Usage usage) {
    return new TaskResponse(
        task.getId(),
        task.getAgent(),
        task.getStatus().apiName(),
        task.getPriority(),
        task.getTags(),
        task.getInput(),
        task.getSessionId(),
        task.getParentTaskId(),
        task.getOutput(),
        task.getErrorCode() == null ? null : new Error(task.getErrorCode(), task.getErrorMessage()),
        task.getStopReason(),
        task.getQuestion(),
        task.isCancelRequested(),
        task.getAttempts(),
        task.spec().tokenBudget(),
        usage == null
            ? null
            : new Usage(
                usage.calls(), usage.promptTokens(), usage.completionTokens(), usage.costUsd()),
        task.getNotBefore(),
        task.getCreatedAt(),
        task.getStartedAt(),
        task.getFinishedAt(),
        task.getUpdatedAt(),
        task.getResponseSchema() == null
            ? null
            : org.agentry.platform.entity.Jsons.createReader(task.getResponseSchema())
                .readObject());
  }
}
