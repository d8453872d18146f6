package org.agentry.provider.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A tool call in a {@link ScriptedTurn}: {@code {"name": "write_file", "arguments": {"path":
 * "a.txt"}}}.
 *
 * @param name the tool's name, not blank
 * @param arguments the arguments as a JSON object text, e.g. {@code {"path":"a.txt"}}
 */
public record ScriptedToolCall(String name, String arguments) {

  /**
   * Reads one tool call. {@code arguments} may be a JSON object, a string holding JSON, or absent
   * (meaning {@code {}}).
   *
   * @throws IllegalArgumentException if the shape is wrong
   */
  static ScriptedToolCall parse(JsonValue value, int position) {
    String where = "toolCalls[" + position + "]";
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(where + " must be a JSON object");
    }
    JsonObject call = value.asJsonObject();
    if (!(call.get("name") instanceof JsonString name) || name.getString().isBlank()) {
      throw new IllegalArgumentException(where + " needs a \"name\" string");
    }
    JsonValue arguments = call.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
    String text =
        switch (arguments.getValueType()) {
          case OBJECT -> arguments.toString();
          case STRING -> ((JsonString) arguments).getString();
          default ->
              throw new IllegalArgumentException(
                  where + ".arguments must be a JSON object or a string");
        };
    return new ScriptedToolCall(name.getString(), text);
  }
}
