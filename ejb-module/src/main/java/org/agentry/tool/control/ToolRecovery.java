package org.agentry.tool.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.InvalidInputException;

/**
 * A tool's {@code onError} policy in the agent's {@code toolSettings}, with up to three parts:
 *
 * <ul>
 *   <li>{@code "retry": {"maxAttempts": 3, "backoff": "PT0.2S"}} — failures of the tool's execution
 *       are tried again ({@link ToolRetry});
 *   <li>{@code "repair": {"maxAttempts": 2}} — the model's arguments are checked against the tool's
 *       JSON schema before it runs ({@link ArgumentCheck}); invalid ones do not run, and the model
 *       is told what is wrong and asked to call again. {@code maxAttempts} (1–{@value
 *       #MAX_REPAIRS}, default {@value #DEFAULT_REPAIRS}) counts the model's calls of the tool in a
 *       row with invalid arguments, the first included; the error of the last stands;
 *   <li>{@code "escalate": true} — an error that stands (after retries or repairs) parks a task
 *       {@code waiting} for a person, reason {@code tool_error}; in a chat the model gets the
 *       error.
 * </ul>
 *
 * Without {@code onError} a call runs once, its arguments are not checked against the schema (the
 * tool reports what it cannot use), and its error goes to the model.
 *
 * @param retry the retry part, {@link ToolRetry#NONE} without one
 * @param repairs most model calls in a row with invalid arguments; 0 without a repair part (no
 *     schema check)
 * @param escalate whether an error that stands goes to a person
 */
public record ToolRecovery(ToolRetry retry, int repairs, boolean escalate) {

  /** The policy without {@code onError}. */
  public static final ToolRecovery NONE = new ToolRecovery(ToolRetry.NONE, 0, false);

  /** Most model calls a repair policy may allow. */
  public static final int MAX_REPAIRS = 10;

  /** The repair attempts of {@code "repair": {}}. */
  public static final int DEFAULT_REPAIRS = 2;

  private static final Set<String> PARTS = Set.of("retry", "repair", "escalate");

  /**
   * Checks the {@code onError} settings of every tool the agent configures.
   *
   * @throws InvalidInputException naming {@code toolSettings.<tool>.onError}
   */
  public static void check(AgentSpec spec) {
    spec.toolSettings().keySet().forEach(tool -> of(tool, spec.settingsOf(tool)));
  }

  /** The tool's policy for this agent ({@link #NONE} without a spec or setting). */
  public static ToolRecovery forTool(AgentSpec spec, String tool) {
    return spec == null ? NONE : of(tool, spec.settingsOf(tool));
  }

  static ToolRecovery of(String tool, JsonObject settings) {
    var onError = settings.get("onError");
    if (onError == null || onError.getValueType() == JsonValue.ValueType.NULL) {
      return NONE;
    }
    var message =
        "'toolSettings."
            + tool
            + ".onError' must be an object of {\"retry\": {\"maxAttempts\": 1 to "
            + ToolRetry.MAX_ATTEMPTS
            + ", \"backoff\": an ISO-8601 duration of at most "
            + ToolRetry.MAX_BACKOFF
            + "}}, {\"repair\": {\"maxAttempts\": 1 to "
            + MAX_REPAIRS
            + "}} and {\"escalate\": true or false}";
    InvalidInputException.check(
        onError instanceof JsonObject object
            && !object.isEmpty()
            && PARTS.containsAll(object.keySet()),
        message);
    var policy = onError.asJsonObject();
    var retry =
        policy.containsKey("retry")
            ? ToolRetry.parse(policy.get("retry"), message)
            : ToolRetry.NONE;
    int repairs = policy.containsKey("repair") ? repairs(policy.get("repair"), message) : 0;
    var escalate = policy.get("escalate");
    InvalidInputException.check(
        escalate == null
            || escalate.getValueType() == JsonValue.ValueType.TRUE
            || escalate.getValueType() == JsonValue.ValueType.FALSE,
        message);
    return new ToolRecovery(retry, repairs, escalate == JsonValue.TRUE || isTrue(escalate));
  }

  private static boolean isTrue(JsonValue value) {
    return value != null && value.getValueType() == JsonValue.ValueType.TRUE;
  }

  private static int repairs(JsonValue repair, String message) {
    InvalidInputException.check(
        repair instanceof JsonObject object
            && object.keySet().stream().allMatch("maxAttempts"::equals),
        message);
    var max = repair.asJsonObject().get("maxAttempts");
    if (max == null) {
      return DEFAULT_REPAIRS;
    }
    InvalidInputException.check(
        max instanceof JsonNumber number
            && number.isIntegral()
            && number.longValue() >= 1
            && number.longValue() <= MAX_REPAIRS,
        message);
    return ((JsonNumber) max).intValue();
  }
}
