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
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a tool call's arguments against the JSON schema its {@link
 * dev.langchain4j.agent.tool.ToolSpecification} declares — the same schema the model was sent. It
 * reads the schema as LangChain4j models it (objects with properties, {@code required} and {@code
 * additionalProperties}; strings, integers, numbers, booleans, null, arrays of items, enums, {@code
 * anyOf}), which is all a tool can declare; references and raw schemas are taken as valid. Each
 * error names the JSON Pointer (RFC 6901) of the value it is about, {@code /} for the whole.
 */
public final class ArgumentCheck {

  /** Errors reported for one call at most; the model needs the first few to repair it. */
  static final int MAX_ERRORS = 10;

  private ArgumentCheck() {}

  /**
   * @param schema the tool's parameters, or null for a tool without parameters (anything goes)
   * @return the validation errors, empty when the arguments are valid
   */
  public static List<String> errors(JsonObjectSchema schema, JsonObject arguments) {
    var errors = new ArrayList<String>();
    if (schema != null) {
      check(schema, arguments, "", errors);
    }
    return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors;
  }

  private static void check(
      JsonSchemaElement schema, JsonValue value, String at, List<String> errors) {
    var where = at.isEmpty() ? "/" : at;
    if (schema instanceof JsonObjectSchema object) {
      if (value instanceof JsonObject given) {
        checkObject(object, given, at, errors);
      } else {
        errors.add(where + ": must be an object");
      }
    } else if (schema instanceof JsonStringSchema) {
      expect(value instanceof JsonString, where, "a string", errors);
    } else if (schema instanceof JsonIntegerSchema) {
      expect(value instanceof JsonNumber n && n.isIntegral(), where, "an integer", errors);
    } else if (schema instanceof JsonNumberSchema) {
      expect(value instanceof JsonNumber, where, "a number", errors);
    } else if (schema instanceof JsonBooleanSchema) {
      expect(isBoolean(value), where, "a boolean", errors);
    } else if (schema instanceof JsonNullSchema) {
      expect(value.getValueType() == JsonValue.ValueType.NULL, where, "null", errors);
    } else if (schema instanceof JsonEnumSchema choice) {
      expect(
          value instanceof JsonString s && choice.enumValues().contains(s.getString()),
          where,
          "one of " + choice.enumValues(),
          errors);
    } else if (schema instanceof JsonArraySchema array) {
      checkArray(array, value, at, where, errors);
    } else if (schema instanceof JsonAnyOfSchema anyOf) {
      boolean matched =
          anyOf.anyOf().stream()
              .anyMatch(
                  option -> {
                    var mine = new ArrayList<String>();
                    check(option, value, at, mine);
                    return mine.isEmpty();
                  });
      expect(matched, where, "valid against one of its anyOf schemas", errors);
    }
  }

  private static void checkObject(
      JsonObjectSchema schema, JsonObject given, String at, List<String> errors) {
    var properties =
        schema.properties() == null
            ? java.util.Map.<String, JsonSchemaElement>of()
            : schema.properties();
    if (schema.required() != null) {
      for (var name : schema.required()) {
        if (!given.containsKey(name)) {
          errors.add(pointer(at, name) + ": is required");
        }
      }
    }
    for (var entry : given.entrySet()) {
      var property = properties.get(entry.getKey());
      if (property != null) {
        check(property, entry.getValue(), pointer(at, entry.getKey()), errors);
      } else if (Boolean.FALSE.equals(schema.additionalProperties())) {
        errors.add(pointer(at, entry.getKey()) + ": is not a parameter of this tool");
      }
    }
  }

  private static void checkArray(
      JsonArraySchema schema, JsonValue value, String at, String where, List<String> errors) {
    if (!(value instanceof JsonArray array)) {
      errors.add(where + ": must be an array");
      return;
    }
    if (schema.items() != null) {
      for (int i = 0; i < array.size(); i++) {
        check(schema.items(), array.get(i), at + "/" + i, errors);
      }
    }
  }

  private static boolean isBoolean(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.TRUE
        || value.getValueType() == JsonValue.ValueType.FALSE;
  }

  private static void expect(boolean ok, String where, String what, List<String> errors) {
    if (!ok) {
      errors.add(where + ": must be " + what);
    }
  }

  /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  private static String pointer(String at, String name) {
    return at + "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
