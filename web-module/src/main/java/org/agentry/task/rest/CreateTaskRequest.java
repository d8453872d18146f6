package org.agentry.task.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.task.entity.TaskSpec;

/**
 * Body of {@code POST /api/v1/agents/{name}/tasks}. Unknown fields are refused (400).
 *
 * @param input the message the agent works on (required)
 * @param priority 0–9 (default 4), or {@code "high"} (7), {@code "normal"} (4), {@code "low"} (1)
 * @param notBefore ISO-8601 instant, e.g. {@code 2026-01-31T09:00:00Z}, at most 366 days ahead; not
 *     with delaySeconds
 * @param delaySeconds start no earlier than this many seconds from now (0 to 2,592,000)
 * @param responseSchema a JSON Schema object the final answer must match (structured output), see
 *     {@link org.agentry.task.entity.ResponseSchemaRule}; or null for free text
 */
public record CreateTaskRequest(
    String input,
    JsonValue priority,
    List<String> tags,
    String sessionId,
    Integer maxIterations,
    Integer maxDurationSeconds,
    Long tokenBudget,
    String notBefore,
    Integer delaySeconds,
    String parentTaskId,
    JsonValue responseSchema) {

  /**
   * The task's definition.
   *
   * @throws ApiException 400 for a priority or start time that is not one
   * @throws org.agentry.platform.entity.InvalidInputException for other rule breaks
   */
  public TaskSpec toSpec(Instant now) {
    return new TaskSpec(
        input,
        priorityValue(),
        tags,
        sessionId,
        parentTaskId,
        maxIterations,
        maxDurationSeconds,
        tokenBudget,
        start(now),
        schemaText());
  }

  private String schemaText() {
    if (responseSchema == null || responseSchema == JsonValue.NULL) {
      return null;
    }
    if (responseSchema.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiException.validation("'responseSchema' must be a JSON Schema object.");
    }
    return responseSchema.toString();
  }

  /** The latest start a task may ask for: 366 days from now. */
  static final java.time.Duration MAX_DELAY = java.time.Duration.ofDays(366);

  private int priorityValue() {
    if (priority == null || priority == JsonValue.NULL) {
      return 4;
    }
    if (priority instanceof JsonNumber number && number.isIntegral()) {
      // range-checked before narrowing: 4294967300 must not pass as 4
      var value = number.bigIntegerValue();
      if (value.signum() >= 0 && value.compareTo(BigInteger.TEN) < 0) {
        return value.intValue();
      }
    }
    if (priority instanceof JsonString name) {
      switch (name.getString().toLowerCase(Locale.ROOT)) {
        case "high":
          return 7;
        case "normal":
          return 4;
        case "low":
          return 1;
        default:
          break;
      }
    }
    throw ApiException.validation("'priority' must be 0 to 9, or \"high\", \"normal\" or \"low\".");
  }

  private Instant start(Instant now) {
    if (notBefore != null && delaySeconds != null) {
      throw ApiException.validation("Give 'notBefore' or 'delaySeconds', not both.");
    }
    if (delaySeconds != null) {
      if (delaySeconds < 0 || delaySeconds > 2_592_000) {
        throw ApiException.validation("'delaySeconds' must be 0 to 2592000.");
      }
      return delaySeconds == 0 ? null : now.plusSeconds(delaySeconds);
    }
    if (notBefore != null) {
      var start = Instants.parseOrNull(notBefore);
      if (start == null) {
        throw ApiException.validation(
            "'notBefore' must be an ISO-8601 instant like 2026-01-31T09:00:00Z.");
      }
      if (start.isAfter(now.plus(MAX_DELAY))) {
        throw ApiException.validation("'notBefore' must be at most 366 days ahead.");
      }
      return start;
    }
    return null;
  }
}
