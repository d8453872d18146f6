package org.agentry.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.Test;

class ArgumentCheckTest {

  private static final JsonObjectSchema SCHEMA =
      JsonObjectSchema.builder()
          .addStringProperty("path")
          .addIntegerProperty("limit")
          .addNumberProperty("ratio")
          .addBooleanProperty("recursive")
          .addProperty("mode", JsonEnumSchema.builder().enumValues("read", "write").build())
          .addProperty("tags", JsonArraySchema.builder().items(new JsonStringSchema()).build())
          .addProperty(
              "a/b~c", JsonObjectSchema.builder().addStringProperty("x").required("x").build())
          .required("path")
          .additionalProperties(false)
          .build();

  private static List<String> errors(String arguments) {
    return ArgumentCheck.errors(SCHEMA, Jsons.createReader(arguments).readObject());
  }

  @Test
  void validArgumentsHaveNoErrors() {
    assertEquals(
        List.of(),
        errors(
            "{\"path\":\"a\",\"limit\":3,\"ratio\":0.5,\"recursive\":true,\"mode\":\"read\","
                + "\"tags\":[\"x\"],\"a/b~c\":{\"x\":\"y\"}}"));
    assertEquals(
        List.of(), ArgumentCheck.errors(null, Jsons.createReader("{\"q\":1}").readObject()));
  }

  @Test
  void eachErrorNamesItsPointer() {
    assertEquals(
        List.of(
            "/path: is required",
            "/limit: must be an integer",
            "/ratio: must be a number",
            "/recursive: must be a boolean",
            "/mode: must be one of [read, write]",
            "/tags/1: must be a string",
            "/a~1b~0c/x: is required",
            "/other: is not a parameter of this tool"),
        errors(
            "{\"limit\":2.5,\"ratio\":\"half\",\"recursive\":\"yes\",\"mode\":\"delete\","
                + "\"tags\":[\"x\",7],\"a/b~c\":{},\"other\":null}"));
  }
}
