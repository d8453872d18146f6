package org.agentry.capability.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an example that a JSON Schema accepts, from the schema alone: an object holds its required
 * properties (all of them when none is required), a string is its first {@code enum} value or
 * {@code "<property name>"}, a number its {@code minimum} or 1, a boolean {@code true}, an array
 * one example item.
 */
public final class ExampleInput {

  private ExampleInput() {}

  /**
   * An example of the schema.
   *
   * @param schema a JSON Schema as nested maps and lists (e.g. LangChain4j's {@code
   *     JsonSchemaElementUtils.toMap})
   * @return maps, lists, strings, numbers and booleans, or null for a schema without a known type
   */
  public static Object of(Map<String, Object> schema) {
    return of(schema, "value");
  }

  @SuppressWarnings("unchecked")
  private static Object of(Map<String, Object> schema, String name) {
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    var type = String.valueOf(schema.get("type"));
    return switch (type) {
      case "object" -> object(schema);
      case "array" ->
          schema.get("items") instanceof Map<?, ?> items
              ? List.of(of((Map<String, Object>) items, name))
              : List.of();
      case "string" -> "<" + name + ">";
      case "integer" ->
          schema.get("minimum") instanceof Number n ? (Object) n.longValue() : (Object) 1L;
      case "number" -> schema.get("minimum") instanceof Number n ? n : 1;
      case "boolean" -> true;
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> schema) {
    var example = new LinkedHashMap<String, Object>();
    if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
      return example;
    }
    var names = new ArrayList<String>();
    if (schema.get("required") instanceof List<?> required && !required.isEmpty()) {
      required.forEach(r -> names.add(String.valueOf(r)));
    } else {
      properties.keySet().forEach(k -> names.add(String.valueOf(k)));
    }
    for (var name : names) {
      if (properties.get(name) instanceof Map<?, ?> property) {
        example.put(name, of((Map<String, Object>) property, name));
      }
    }
    return example;
  }
}
