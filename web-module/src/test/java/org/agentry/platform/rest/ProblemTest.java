package org.agentry.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void rendersRfc9457MembersAndTheStableCode() {
    var json = Json.createReader(new StringReader(Problems.malformedJson().toJson())).readObject();
    assertEquals("urn:agentry:problem:malformed-json", json.getString("type"));
    assertEquals("Malformed JSON", json.getString("title"));
    assertEquals(400, json.getInt("status"));
    assertEquals("MALFORMED_JSON", json.getString("code"));
    assertFalse(json.getString("detail").isBlank());
  }

  @Test
  void everyPlatformStatusHasItsOwnCode() {
    assertEquals("UNAUTHENTICATED", Problems.forStatus(401).code());
    assertEquals("FORBIDDEN", Problems.forStatus(403).code());
    assertEquals("NOT_FOUND", Problems.forStatus(404).code());
    assertEquals("METHOD_NOT_ALLOWED", Problems.forStatus(405).code());
    assertEquals("PAYLOAD_TOO_LARGE", Problems.forStatus(413).code());
    assertEquals("UNSUPPORTED_MEDIA_TYPE", Problems.forStatus(415).code());
    assertEquals("INTERNAL_ERROR", Problems.forStatus(503).code());
  }

  @Test
  void internalErrorsNameOnlyTheIncident() {
    var problem = Problems.internalError("abc-123");
    assertEquals(500, problem.status());
    assertTrue(problem.detail().contains("abc-123"));
  }
}
