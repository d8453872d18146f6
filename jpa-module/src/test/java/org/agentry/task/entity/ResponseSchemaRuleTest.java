package org.agentry.task.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class ResponseSchemaRuleTest {

  @Test
  void anObjectSchemaOrNonePasses() {
    assertDoesNotThrow(() -> ResponseSchemaRule.check(null));
    assertDoesNotThrow(
        () -> ResponseSchemaRule.check("{\"type\":\"object\",\"properties\":{\"a\":{}}}"));
  }

  @Test
  void otherTextsAreRefusedNamingTheField() {
    for (var bad :
        new String[] {
          "", "[]", "{\"type\":\"string\"}", "{\"properties\":{}}", "{\"type\":\"object\"", "3"
        }) {
      var e = assertThrows(InvalidInputException.class, () -> ResponseSchemaRule.check(bad), bad);
      assertTrue(e.getMessage().contains("'responseSchema'"), e.getMessage());
    }
    var huge = "{\"type\":\"object\",\"description\":\"" + "x".repeat(20_000) + "\"}";
    assertThrows(InvalidInputException.class, () -> ResponseSchemaRule.check(huge));
  }
}
