package org.agentry.task.entity;

import java.time.Instant;
import java.util.List;
import org.agentry.platform.entity.InvalidInputException;

/**
 * What a task is asked to do.
 *
 * @param input the user message that starts it, 1 to 100,000 characters
 * @param priority JMS priority 0 (lowest) to 9 (highest)
 * @param tags labels to filter by, each {@code [A-Za-z0-9_.:-]{1,64}}, at most 20
 * @param sessionId a session of the same agent to continue, or null for a new one
 * @param parentTaskId the task that spawned this one, or null
 * @param maxIterations overrides the agent's limit (1–1000), or null
 * @param maxDurationSeconds overrides the agent's limit (1–86400), or null
 * @param tokenBudget overrides the agent's token budget, or null
 * @param notBefore the earliest start, or null for now
 * @param responseSchema the JSON Schema (draft 2020-12 subset, see {@link ResponseSchemaRule}) the
 *     final answer must match, as the text of a JSON object whose {@code type} is {@code object},
 *     at most 20,000 characters; or null for a free-text answer
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record TaskSpec(
    String input,
    int priority,
    List<String> tags,
    String sessionId,
    String parentTaskId,
    Integer maxIterations,
    Integer maxDurationSeconds,
    Long tokenBudget,
    Instant notBefore,
    String responseSchema) {

  public TaskSpec {
    InvalidInputException.check(
        input != null && !input.isBlank() && input.length() <= 100_000,
        "'input' is required, at most 100000 characters");
    InvalidInputException.check(priority >= 0 && priority <= 9, "'priority' must be 0 to 9");
    InvalidInputException.check(
        tags == null || tags.stream().allMatch(java.util.Objects::nonNull),
        "'tags' must be 1 to 64 of letters, digits and _ . : -");
    tags = tags == null ? List.of() : List.copyOf(tags);
    InvalidInputException.check(tags.size() <= 20, "'tags' may hold at most 20 tags");
    InvalidInputException.check(
        tags.stream().allMatch(t -> t != null && t.matches("[A-Za-z0-9_.:-]{1,64}")),
        "'tags' must be 1 to 64 of letters, digits and _ . : -");
    InvalidInputException.check(
        maxIterations == null || (maxIterations >= 1 && maxIterations <= 1000),
        "'maxIterations' must be 1 to 1000");
    InvalidInputException.check(
        maxDurationSeconds == null || (maxDurationSeconds >= 1 && maxDurationSeconds <= 86_400),
        "'maxDurationSeconds' must be 1 to 86400");
    InvalidInputException.check(
        tokenBudget == null || tokenBudget >= 1, "'tokenBudget' must be positive");
    ResponseSchemaRule.check(responseSchema);
  }

  /** A spec with a free-text answer. */
  public TaskSpec(
      String input,
      int priority,
      List<String> tags,
      String sessionId,
      String parentTaskId,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget,
      Instant notBefore) {
    this(
        input,
        priority,
        tags,
        sessionId,
        parentTaskId,
        maxIterations,
        maxDurationSeconds,
        tokenBudget,
        notBefore,
        null);
  }
}
