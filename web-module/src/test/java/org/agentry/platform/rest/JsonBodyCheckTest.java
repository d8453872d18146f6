package org.agentry.platform.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

  private static void check(String body) {
    JsonBodyCheck.check(body.getBytes(StandardCharsets.UTF_8));
  }

  private static void refused(String body) {
    var e = assertThrows(ApiException.class, () -> check(body), body);
    assertEquals("MALFORMED_JSON", e.problem().code());
  }

  @Test
  void takesOneObject() {
    assertDoesNotThrow(
        () ->
            check(
                "{\"name\":\"p\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"hello\"}],"
                    + "\"prices\":{\"scripted\":{\"inputPerMillion\":1,\"outputPerMillion\":2}}}"));
    assertDoesNotThrow(() -> check("{\"a\":[1,{\"b\":null},true,\"\\u0001\"]}  \n"));
  }

  @Test
  void refusesWhatJsonbLetThrough() {
    refused("{\"input\":\"x\"} {}");
    refused("[{}]");
    refused("{\"input\":\"a\\u0000b\"}");
    refused("{\"a\\u0000\":1}");
    refused("{\"payload\":[\"\\u0000\"]}");
    refused("\"text\"");
    refused("{\"input\":");
  }
}
