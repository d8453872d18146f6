package org.agentry.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JsonPathsTest {

  @Test
  void selectsMembersAndIndexes() {
    var json = "{\"a\":{\"b\":[10,{\"c d\":\"x\"}]}}";
    assertEquals("10", JsonPaths.select(json, "$.a.b[0]").toString());
    assertEquals("x", JsonPaths.text(JsonPaths.select(json, "$.a.b[1]['c d']")));
    assertEquals(json, JsonPaths.select(json, "$").toString());
  }

  @Test
  void missingValuesAndNonJsonAreNull() {
    assertNull(JsonPaths.select("{\"a\":1}", "$.b"));
    assertNull(JsonPaths.select("{\"a\":1}", "$.a[0]"));
    assertNull(JsonPaths.select("not json", "$.a"));
  }

  @Test
  void onlyTheSimpleFormIsAccepted() {
    assertNull(JsonPaths.problem("$.a['b'][3]"));
    assertNotNull(JsonPaths.problem("$..a"));
    assertNotNull(JsonPaths.problem("$.a[*]"));
    assertNotNull(JsonPaths.problem("a.b"));
  }
}
