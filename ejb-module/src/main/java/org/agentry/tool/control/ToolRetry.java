package org.agentry.tool.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.InvalidInputException;

/**
 * What the agent loop does when a tool's execution fails (it threw, refused with a {@link
 * ToolException}, or timed out), from the tool's {@code onError} in the agent's {@code
 * toolSettings}: {@code {"onError": {"retry": {"maxAttempts": 3, "backoff": "PT0.2S"}}}} runs the
 * call up to {@code maxAttempts} times (1–{@value #MAX_ATTEMPTS}, counting the first), waiting
 * {@code backoff} (an ISO-8601 duration, 0 to {@value #MAX_BACKOFF}, default {@code PT0.2S}) before
 * the second attempt and twice as long before each further one. Without {@code onError} a call runs
 * once. Calls refused before they run (an unknown tool, arguments that are not an object) are never
 * retried; neither is a run cancelled or out of time.
 *
 * @param maxAttempts attempts in all, ≥ 1
 * @param backoff the wait before the second attempt
 */
public record ToolRetry(int maxAttempts, Duration backoff) {

  /** One attempt, no retry: the default. */
  public static final ToolRetry NONE = new ToolRetry(1, Duration.ZERO);

  /** Most attempts a policy may ask for. */
  public static final int MAX_ATTEMPTS = 10;

  /** Longest first backoff. */
  public static final String MAX_BACKOFF = "PT60S";

  private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

  /**
   * Checks the {@code onError} settings of every tool the agent configures (see {@link
   * ToolRecovery#check}).
   *
   * @throws InvalidInputException naming the setting that breaks its rule
   */
  public static void check(AgentSpec spec) {
    ToolRecovery.check(spec);
  }

  /** The tool's policy for this agent ({@link #NONE} without a spec or setting). */
  public static ToolRetry forTool(AgentSpec spec, String tool) {
    return ToolRecovery.forTool(spec, tool).retry();
  }

  /**
   * The wait before an attempt: {@code backoff × 2^(attempt − 2)}.
   *
   * @param attempt 2 or more
   */
  public Duration delayBefore(int attempt) {
    return backoff.multipliedBy(1L << Math.min(Math.max(attempt - 2, 0), 20));
  }

  /**
   * The {@code retry} part of an {@code onError} policy.
   *
   * @param message the error when it breaks a rule
   * @throws InvalidInputException with the message
   */
  static ToolRetry parse(JsonValue part, String message) {
    InvalidInputException.check(part instanceof JsonObject, message);
    var retry = part.asJsonObject();
    InvalidInputException.check(
        retry.keySet().stream().allMatch(k -> k.equals("maxAttempts") || k.equals("backoff"))
            && retry.get("maxAttempts") instanceof JsonNumber number
            && number.isIntegral()
            && number.longValue() >= 1
            && number.longValue() <= MAX_ATTEMPTS,
        message);
    var backoff = DEFAULT_BACKOFF;
    var text = retry.get("backoff");
    if (text != null) {
      InvalidInputException.check(text instanceof JsonString, message);
      try {
        backoff = Duration.parse(((JsonString) text).getString());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(message);
      }
      InvalidInputException.check(
          !backoff.isNegative() && backoff.compareTo(Duration.parse(MAX_BACKOFF)) <= 0, message);
    }
    return new ToolRetry(retry.getJsonNumber("maxAttempts").intValue(), backoff);
  }
}
