package org.agentry.thread.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.junit.jupiter.api.Test;

class InjectRequestTest {

  private static InjectRequest request(JsonValue payload) {
    return new InjectRequest("notes", null, null, payload);
  }

  @Test
  void aStringIsStoredAsItIsAndAnObjectAsItsJsonText() {
    var text = request(Json.createValue("call Bob")).toPayload();
    assertEquals("call Bob", text.text());
    assertEquals("text/plain", text.mediaType());
    var object = request(Json.createObjectBuilder().add("note", "call Bob").build()).toPayload();
    assertEquals("{\"note\":\"call Bob\"}", object.text());
    assertEquals("application/json", object.mediaType());
  }

  @Test
  void otherPayloadsAreInvalid() {
    var bad = new ArrayList<JsonValue>();
    bad.add(null);
    bad.addAll(
        List.of(
            JsonValue.NULL,
            JsonValue.TRUE,
            Json.createValue(5),
            Json.createArrayBuilder().add("x").build(),
            Json.createValue(""),
            Json.createValue(" \n"),
            Json.createValue("x".repeat(100_001))));
    for (var payload : bad) {
      var e = assertThrows(ApiException.class, () -> request(payload).toPayload(), "" + payload);
      assertEquals(422, e.problem().status());
      assertEquals("INVALID_PAYLOAD", e.problem().code());
    }
    assertEquals(
        100_000, request(Json.createValue("x".repeat(100_000))).toPayload().text().length());
  }
}
