package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An MCP tool's JSON schema, as the model gets it and as the arguments are checked against it. */
class JsonSchemasTest {

  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "title", Map.of("type", "string", "description", "The issue's title"),
              "count", Map.of("type", "integer"),
              "labels", Map.of("type", "array", "items", Map.of("type", "string")),
              "state", Map.of("type", "string", "enum", List.of("open", "closed"))),
          "required",
          List.of("title"),
          "additionalProperties",
          false);

  @Test
  void propertiesTypesRequiredAndEnumsCarryOver() {
    var schema = JsonSchemas.objectSchema(SCHEMA);
    assertEquals(List.of("title"), schema.required());
    assertEquals(4, schema.properties().size());
    assertTrue(
        errors("{\"title\":\"t\",\"count\":2,\"labels\":[\"a\"],\"state\":\"open\"}").isEmpty());
    assertEquals(List.of("/title: is required"), errors("{}"));
    assertTrue(errors("{\"title\":\"t\",\"count\":\"two\"}").get(0).startsWith("/count"));
    assertTrue(errors("{\"title\":\"t\",\"state\":\"gone\"}").get(0).startsWith("/state"));
    assertTrue(errors("{\"title\":\"t\",\"labels\":[1]}").get(0).startsWith("/labels/0"));
  }

  @Test
  void noSchemaOrANonObjectOneTakesAnyObject() {
    assertTrue(JsonSchemas.objectSchema(null).properties().isEmpty());
    assertTrue(JsonSchemas.objectSchema(Map.of("type", "string")).properties().isEmpty());
  }

  private static List<String> errors(String arguments) {
    try (var reader = Json.createReader(new StringReader(arguments))) {
      return ArgumentCheck.errors(JsonSchemas.objectSchema(SCHEMA), reader.readObject());
    }
  }
}
