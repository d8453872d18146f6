package org.agentry.run.control;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.agentry.platform.entity.Jsons;
import org.agentry.tool.control.ArgumentCheck;
import org.agentry.tool.control.JsonSchemas;

/**
 * A run whose final answer must be a JSON object of a schema (structured output): the schema goes
 * to the provider as its response format where the provider takes one (OpenAI's {@code
 * response_format} of type {@code json_schema}, Ollama's {@code format}), and the answer is checked
 * against it by {@link ArgumentCheck} in any case — types, required and additional properties,
 * enums, {@code anyOf}, as {@link JsonSchemas} reads the schema; keywords it does not model (e.g.
 * {@code pattern}, {@code minItems}) are neither sent nor checked. An answer in one Markdown code
 * fence is taken from inside it.
 *
 * @param name the schema's name as OpenAI takes it, {@code [A-Za-z0-9_-]{1,64}}
 * @param text the schema as given, JSON text
 * @param schema the schema as LangChain4j models it
 * @param maxRepairs how many refused answers go back to the model (0 or more)
 */
public record JsonOutput(String name, String text, JsonObjectSchema schema, int maxRepairs)
    implements OutputCheck {

  /**
   * Reads a schema.
   *
   * @param text a JSON Schema object (see {@link org.agentry.task.entity.ResponseSchemaRule})
   * @throws jakarta.json.JsonException if the text is not JSON (see also {@link JsonSchemas#parse})
   */
  public static JsonOutput of(String name, String text, int maxRepairs) {
    return new JsonOutput(name, text, JsonSchemas.parse(text), Math.max(0, maxRepairs));
  }

  /** The response format to send with each model request of the run. */
  public ResponseFormat responseFormat() {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(name).rootElement(schema).build())
        .build();
  }

  /** The instruction for a provider without a response format setting: the schema, in words. */
  public String instruction() {
    return "\n\nAnswer with only a JSON object, no other text, that is valid against this JSON"
        + " Schema:\n"
        + text;
  }

  @Override
  public String refusal(String answer) {
    JsonObject value;
    try (var reader = Jsons.createReader(PayloadCheck.unfenced(answer))) {
      value = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return "the answer is not a JSON object";
    }
    var errors = ArgumentCheck.errors(schema, value);
    return errors.isEmpty() ? null : String.join("; ", errors);
  }

  @Override
  public String repairPrompt(String refusal) {
    return "Your answer does not match the required JSON Schema: "
        + refusal
        + "\nAnswer again with only the corrected JSON object.";
  }

  @Override
  public String expected() {
    return "a JSON object valid against the task's response schema";
  }
}
