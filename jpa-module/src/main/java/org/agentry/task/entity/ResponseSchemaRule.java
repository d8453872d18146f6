package org.agentry.task.entity;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Jsons;

/**
 * What a task's {@code responseSchema} must be: the text of a JSON object (a JSON Schema) whose
 * {@code type} is {@code "object"}, at most {@value #MAX_LENGTH} characters. The root must be an
 * object because OpenAI's structured outputs take only an object schema (platform.openai.com,
 * "Structured Outputs", supported schemas); the rest of the schema is read by the loop.
 */
public final class ResponseSchemaRule {

  /** The longest schema text accepted, in characters. */
  public static final int MAX_LENGTH = 20_000;

  private static final String RULE =
      "'responseSchema' must be a JSON Schema object with \"type\": \"object\", at most "
          + MAX_LENGTH
          + " characters";

  private ResponseSchemaRule() {}

  /**
   * Checks a schema; null passes (no schema).
   *
   * @throws InvalidInputException naming {@code responseSchema} when it breaks the rule
   */
  public static void check(String schema) {
    if (schema == null) {
      return;
    }
    InvalidInputException.check(schema.length() <= MAX_LENGTH, RULE);
    JsonObject object;
    try (var reader = Jsons.createReader(schema)) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidInputException(RULE);
    }
    InvalidInputException.check(
        object.get("type") instanceof JsonString type && "object".equals(type.getString()), RULE);
  }
}
