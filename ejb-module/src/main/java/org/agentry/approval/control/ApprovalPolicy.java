package org.agentry.approval.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.platform.entity.Jsons;

/**
 * Whether a tool call needs a person's approval before it runs, from the tool's entry in the
 * agent's {@code toolSettings}:
 *
 * <ul>
 *   <li>{@code "approval": "never"} (the default when absent) — calls run at once;
 *   <li>{@code "approval": "always"} — every call waits for a decision;
 *   <li>{@code "approval": {"argument": "path", "matches": "^/etc/"}} — a call waits when the
 *       regular expression ({@link Pattern} syntax, at most {@value #MAX_REGEX} characters) is
 *       found in the argument's value: a string as it is, any other value as its JSON text, an
 *       absent argument as the empty string. Anchor with {@code ^…$} to match the whole value.
 *       Arguments that are not a JSON object need approval.
 *   <li>{@code "approver": "operator"} (default) or {@code "admin"} — the role that may decide.
 * </ul>
 *
 * @param mode never, always, or by argument
 * @param argument the argument's name for {@code ARGUMENT}, else null
 * @param matches the pattern for {@code ARGUMENT}, else null
 * @param approver the API name of the role that may decide
 */
public record ApprovalPolicy(Mode mode, String argument, Pattern matches, String approver) {

  /** The policy of a tool without an {@code approval} setting. */
  public static final ApprovalPolicy NEVER = new ApprovalPolicy(Mode.NEVER, null, null, "operator");

  /** Longest {@code matches} pattern, in characters. */
  public static final int MAX_REGEX = 500;

  /** Longest argument value matched against the pattern; a longer one is cut, in characters. */
  static final int MAX_MATCHED = 65_536;

  private static final Set<String> APPROVERS = Set.of("operator", "admin");

  /** When calls need approval. */
  public enum Mode {
    NEVER,
    ALWAYS,
    ARGUMENT
  }

  /**
   * Checks the approval settings of every tool the agent configures.
   *
   * @throws InvalidApprovalPolicyException naming the setting that breaks its rule
   */
  public static void check(AgentSpec spec) {
    spec.toolSettings().keySet().forEach(tool -> of(tool, spec.settingsOf(tool)));
  }

  /**
   * The policy of the tool for this agent.
   *
   * @throws InvalidApprovalPolicyException if its settings break a rule (they were checked when the
   *     agent was saved)
   */
  public static ApprovalPolicy forTool(AgentSpec spec, String tool) {
    return spec == null ? NEVER : of(tool, spec.settingsOf(tool));
  }

  /**
   * The policy one tool's settings give.
   *
   * @param tool the tool's key in {@code toolSettings}, for messages
   * @throws InvalidApprovalPolicyException naming the setting that breaks its rule
   */
  static ApprovalPolicy of(String tool, JsonObject settings) {
    var field = "toolSettings." + tool;
    var approver = approver(settings.get("approver"), field + ".approver");
    var approval = settings.get("approval");
    if (approval == null || approval.getValueType() == JsonValue.ValueType.NULL) {
      return new ApprovalPolicy(Mode.NEVER, null, null, approver);
    }
    if (approval instanceof JsonString text) {
      return switch (text.getString()) {
        case "never" -> new ApprovalPolicy(Mode.NEVER, null, null, approver);
        case "always" -> new ApprovalPolicy(Mode.ALWAYS, null, null, approver);
        default -> throw invalid(field + ".approval");
      };
    }
    if (!(approval instanceof JsonObject rule)
        || rule.size() != 2
        || !(rule.get("argument") instanceof JsonString argument)
        || !argument.getString().matches("[A-Za-z0-9_.-]{1,64}")
        || !(rule.get("matches") instanceof JsonString regex)
        || regex.getString().isEmpty()
        || regex.getString().length() > MAX_REGEX) {
      throw invalid(field + ".approval");
    }
    try {
      var pattern = Pattern.compile(regex.getString());
      return new ApprovalPolicy(Mode.ARGUMENT, argument.getString(), pattern, approver);
    } catch (PatternSyntaxException e) {
      throw new InvalidApprovalPolicyException(
          "'"
              + field
              + ".approval.matches' is not a valid regular expression: "
              + e.getDescription());
    }
  }

  private static String approver(JsonValue value, String field) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "operator";
    }
    if (value instanceof JsonString text && APPROVERS.contains(text.getString())) {
      return text.getString();
    }
    throw new InvalidApprovalPolicyException("'" + field + "' must be \"operator\" or \"admin\"");
  }

  private static InvalidApprovalPolicyException invalid(String field) {
    return new InvalidApprovalPolicyException(
        "'"
            + field
            + "' must be \"never\", \"always\" or {\"argument\": \"<name>\", \"matches\":"
            + " \"<regex of at most "
            + MAX_REGEX
            + " characters>\"}");
  }

  /**
   * Whether a call with these arguments needs approval.
   *
   * @param arguments the call's arguments as the model sent them, a JSON object text (blank: none)
   */
  public boolean requires(String arguments) {
    return switch (mode) {
      case NEVER -> false;
      case ALWAYS -> true;
      case ARGUMENT -> {
        var value = valueOf(arguments);
        yield value == null || matches.matcher(value).find();
      }
    };
  }

  /** The argument's value as matched; null when the arguments are not a JSON object. */
  private String valueOf(String arguments) {
    JsonObject object;
    try (var reader =
        Jsons.createReader(
            new StringReader(arguments == null || arguments.isBlank() ? "{}" : arguments))) {
      object = reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
    var value = object.get(argument);
    var text =
        value == null ? "" : value instanceof JsonString s ? s.getString() : value.toString();
    return text.length() > MAX_MATCHED ? text.substring(0, MAX_MATCHED) : text;
  }
}
