package org.agentry.provider.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One reply of the scripted provider, parsed from a JSON object such as {@code {"text": "done",
 * "promptTokens": 10, "completionTokens": 5, "delayMs": 0}} or {@code {"toolCalls": [{"name":
 * "write_file", "arguments": {"path": "a.txt"}}]}}. A turn with {@code "model": "<name>"} is played
 * only by that model of the provider (see {@link #forModel}); one without, by every model.
 *
 * @param text the reply text, or {@code null}
 * @param toolCalls the tool calls requested, possibly empty; at least one of text and tool calls
 * @param promptTokens reported prompt tokens, or {@code null} to estimate from the request
 * @param completionTokens reported completion tokens, or {@code null} to estimate from the reply
 * @param delayMs how long the model "thinks" before answering, in ms, ≥ 0
 */
public record ScriptedTurn(
    String text,
    List<ScriptedToolCall> toolCalls,
    Integer promptTokens,
    Integer completionTokens,
    long delayMs) {

  private static final Set<String> KEYS =
      Set.of("text", "toolCalls", "promptTokens", "completionTokens", "delayMs", "model");

  /** Copies the tool calls. */
  public ScriptedTurn {
    toolCalls = List.copyOf(toolCalls);
  }

  /** Whether this turn answers with text only. */
  public boolean isTextOnly() {
    return toolCalls.isEmpty();
  }

  /**
   * The turns of a script that the named model plays: those without {@code model} and those whose
   * {@code model} is its name.
   *
   * @param turns the script, or null
   * @return the script without other models' turns, or null
   */
  public static JsonArray forModel(JsonArray turns, String modelName) {
    if (turns == null) {
      return null;
    }
    var kept = org.agentry.platform.entity.Jsons.createArrayBuilder();
    for (var turn : turns) {
      boolean other =
          turn.getValueType() == JsonValue.ValueType.OBJECT
              && turn.asJsonObject().containsKey("model")
              && !turn.asJsonObject().getString("model", "").equals(modelName);
      if (!other) {
        kept.add(turn);
      }
    }
    return kept.build();
  }

  /**
   * Parses a script: a JSON array of turn objects.
   *
   * @param turns the script, or {@code null} for none
   * @return the turns in order, possibly empty
   * @throws IllegalArgumentException naming the first bad turn, e.g. {@code scriptedTurns[2]: …}
   */
  public static List<ScriptedTurn> parseAll(JsonArray turns) {
    List<ScriptedTurn> parsed = new ArrayList<>();
    for (int i = 0; turns != null && i < turns.size(); i++) {
      try {
        parsed.add(parse(turns.get(i)));
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException("scriptedTurns[" + i + "]: " + e.getMessage(), e);
      }
    }
    return parsed;
  }

  private static ScriptedTurn parse(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("a turn must be a JSON object");
    }
    JsonObject turn = value.asJsonObject();
    turn.keySet().stream()
        .filter(key -> !KEYS.contains(key))
        .findFirst()
        .ifPresent(
            key -> {
              throw new IllegalArgumentException("unknown field '" + key + "'; allowed: " + KEYS);
            });
    String text = turn.containsKey("text") ? turn.getString("text") : null;
    List<ScriptedToolCall> calls = new ArrayList<>();
    if (turn.containsKey("toolCalls")) {
      JsonArray array = turn.getJsonArray("toolCalls");
      for (int n = 0; n < array.size(); n++) {
        calls.add(ScriptedToolCall.parse(array.get(n), n));
      }
    }
    if (text == null && calls.isEmpty()) {
      throw new IllegalArgumentException("a turn needs \"text\" or a non-empty \"toolCalls\"");
    }
    Integer delay = count(turn, "delayMs");
    return new ScriptedTurn(
        text,
        calls,
        count(turn, "promptTokens"),
        count(turn, "completionTokens"),
        delay == null ? 0 : delay);
  }

  private static Integer count(JsonObject turn, String key) {
    if (!turn.containsKey(key) || turn.isNull(key)) {
      return null;
    }
    JsonNumber number = turn.getJsonNumber(key);
    if (!number.isIntegral() || number.longValue() < 0 || number.longValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("\"" + key + "\" must be a non-negative integer");
    }
    return number.intValue();
  }
}
