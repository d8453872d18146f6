package org.agentry.task.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import org.agentry.platform.rest.ApiException;
import org.junit.jupiter.api.Test;

class CreateTaskRequestTest {

  @Test
  void priorityIsRangeCheckedBeforeItIsNarrowed() {
    assertThrows(ApiException.class, () -> request(Json.createValue(4294967300L)).toSpec(now()));
    assertThrows(ApiException.class, () -> request(Json.createValue(-1)).toSpec(now()));
    assertThrows(ApiException.class, () -> request(Json.createValue(10)).toSpec(now()));
    assertEquals(9, request(Json.createValue(9)).toSpec(now()).priority());
    assertEquals(7, request(Json.createValue("high")).toSpec(now()).priority());
  }

  @Test
  void notBeforeIsAtMostAYearAhead() {
    var far =
        new CreateTaskRequest(
            "x", null, null, null, null, null, null, "2030-01-01T00:00:00Z", null, null, null);
    assertThrows(ApiException.class, () -> far.toSpec(now()));
    var soon =
        new CreateTaskRequest(
            "x", null, null, null, null, null, null, "2026-06-01T00:00:00Z", null, null, null);
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), soon.toSpec(now()).notBefore());
  }

  private static CreateTaskRequest request(JsonValue priority) {
    return new CreateTaskRequest(
        "do it", priority, null, null, null, null, null, null, null, null, null);
  }

  private static Instant now() {
    return Instant.parse("2026-01-01T00:00:00Z");
  }
}
