package org.agentry.capability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleInputTest {

  @Test
  void requiredPropertiesGetValuesOfTheirType() {
    var schema =
        JsonObjectSchema.builder()
            .addStringProperty("path", "a path")
            .addEnumProperty("mode", List.of("append", "replace"))
            .addProperty("count", JsonIntegerSchema.builder().build())
            .addProperty(
                "tags",
                JsonArraySchema.builder()
                    .items(JsonObjectSchema.builder().addBooleanProperty("on").build())
                    .build())
            .addStringProperty("optional")
            .required("path", "mode", "count", "tags")
            .build();
    var example = ExampleInput.of(JsonSchemaElementUtils.toMap(schema));
    assertEquals(
        Map.of(
            "path", "<path>", "mode", "append", "count", 1L, "tags", List.of(Map.of("on", true))),
        example);
  }

  @Test
  void withoutRequiredPropertiesEveryPropertyIsShown() {
    var schema = JsonObjectSchema.builder().addStringProperty("query").build();
    assertEquals(Map.of("query", "<query>"), ExampleInput.of(JsonSchemaElementUtils.toMap(schema)));
    assertEquals(
        Map.of(),
        ExampleInput.of(JsonSchemaElementUtils.toMap(JsonObjectSchema.builder().build())));
  }
}
