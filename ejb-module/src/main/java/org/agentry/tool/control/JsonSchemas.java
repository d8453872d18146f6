package org.agentry.tool.control;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema — an MCP tool's {@code inputSchema} as MCP's {@code Tool} carries it, or a task's
 * response schema — as the LangChain4j schema a {@link
 * dev.langchain4j.agent.tool.ToolSpecification} or a {@link
 * dev.langchain4j.model.chat.request.ResponseFormat} holds, so that model providers get it and
 * {@link ArgumentCheck} checks values against it. Objects (properties, {@code required}, {@code
 * additionalProperties}), strings, string enums, integers, numbers, booleans, null, arrays and
 * {@code anyOf} carry over with their descriptions. A part without a type it can express
 * (references, {@code oneOf}, a list of types) becomes a string described as "any JSON value", so a
 * {@code repair} policy's check would expect a string there; the server checks what it gets in any
 * case.
 */
public final class JsonSchemas {

  private JsonSchemas() {}

  /** The schema of a tool's arguments; an empty object schema for null or a non-object schema. */
  public static JsonObjectSchema objectSchema(Map<String, Object> inputSchema) {
    if (inputSchema != null && element(inputSchema) instanceof JsonObjectSchema object) {
      return object;
    }
    return JsonObjectSchema.builder().build();
  }

  /**
   * The schema of a JSON Schema text; an empty object schema for a non-object schema.
   *
   * @throws jakarta.json.JsonException if the text is not JSON
   * @throws IllegalStateException if it is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public static JsonObjectSchema parse(String json) {
    try (var reader = org.agentry.platform.entity.Jsons.createReader(json)) {
      return objectSchema((Map<String, Object>) plain(reader.readObject()));
    }
  }

  /** A JSON-P value as the maps, lists, strings, numbers and booleans MCP's schemas are made of. */
  private static Object plain(jakarta.json.JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        var map = new java.util.LinkedHashMap<String, Object>();
        value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
        return map;
      case ARRAY:
        return value.asJsonArray().stream().map(JsonSchemas::plain).toList();
      case STRING:
        return ((jakarta.json.JsonString) value).getString();
      case NUMBER:
        return ((jakarta.json.JsonNumber) value).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonSchemaElement element(Map<String, Object> schema) {
    var description = schema.get("description") instanceof String d ? d : null;
    if (schema.get("enum") instanceof List<?> values
        && values.stream().allMatch(v -> v instanceof String)) {
      return JsonEnumSchema.builder()
          .enumValues((List<String>) values)
          .description(description)
          .build();
    }
    if (schema.get("anyOf") instanceof List<?> options) {
      return JsonAnyOfSchema.builder()
          .anyOf(options.stream().map(JsonSchemas::elementOf).toList())
          .description(description)
          .build();
    }
    var type = schema.get("type") instanceof String t ? t : null;
    if (type == null && schema.get("properties") instanceof Map<?, ?>) {
      type = "object";
    }
    if (type == null) {
      return JsonStringSchema.builder().description(describe(description)).build();
    }
    return switch (type) {
      case "object" -> object(schema, description);
      case "array" ->
          JsonArraySchema.builder()
              .items(elementOf(schema.get("items")))
              .description(description)
              .build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "null" -> new JsonNullSchema();
      default -> JsonStringSchema.builder().description(description).build();
    };
  }

  @SuppressWarnings("unchecked")
  private static JsonObjectSchema object(Map<String, Object> schema, String description) {
    var builder = JsonObjectSchema.builder().description(description);
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach((name, value) -> builder.addProperty((String) name, elementOf(value)));
    }
    if (schema.get("required") instanceof List<?> required) {
      builder.required((List<String>) required);
    }
    if (schema.get("additionalProperties") instanceof Boolean additional) {
      builder.additionalProperties(additional);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static JsonSchemaElement elementOf(Object value) {
    return value instanceof Map<?, ?> map
        ? element((Map<String, Object>) map)
        : JsonStringSchema.builder().build();
  }

  private static String describe(String description) {
    return description == null ? "any JSON value" : description;
  }
}
