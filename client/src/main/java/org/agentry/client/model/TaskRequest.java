package org.agentry.client.model;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Body of {@code POST /api/v1/agents/{name}/tasks}; null members are left out.
 *
 * @param input what the agent works on (required)
 * @param priority a number 0–9 or {@code "high"}, {@code "normal"}, {@code "low"}; see {@link
 *     #priority(String)}
 * @param notBefore ISO-8601 instant, at most 366 days ahead; not with delaySeconds
 * @param delaySeconds s, 0 to 2,592,000
 * @param responseSchema a JSON Schema object ({@code "type": "object"}) the final answer must
 *     match: sent to the provider as its response format and checked by the server
 */
public record TaskRequest(
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
    jakarta.json.JsonObject responseSchema) {

  /** A task with just an input, at the default priority. */
  public static TaskRequest of(String input) {
    return new TaskRequest(input, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A priority as the API takes it: digits become a number ({@code "7"} → 7), anything else a name
   * ({@code "high"}); null stays null (the default, 4).
   */
  public static JsonValue priority(String value) {
    if (value == null) {
      return null;
    }
    return value.matches("\\d{1,9}")
        ? Json.createValue(Integer.parseInt(value))
        : Json.createValue(value);
  }

  /** This request with another priority ({@link #priority(String)}). */
  public TaskRequest withPriority(String value) {
    return new TaskRequest(
        input,
        priority(value),
        tags,
        sessionId,
        maxIterations,
        maxDurationSeconds,
        tokenBudget,
        notBefore,
        delaySeconds,
        parentTaskId,
        responseSchema);
  }

  /** This request with a response schema (structured output). */
  public TaskRequest withResponseSchema(jakarta.json.JsonObject schema) {
    return new TaskRequest(
        input,
        priority,
        tags,
        sessionId,
        maxIterations,
        maxDurationSeconds,
        tokenBudget,
        notBefore,
        delaySeconds,
        parentTaskId,
        schema);
  }
}
