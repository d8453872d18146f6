package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorDetailTest {

  @Test
  void readsVendorMessages() {
    assertEquals(
        "bad model", ErrorDetail.of("{\"error\":{\"message\":\"bad model\",\"type\":\"x\"}}"));
    assertEquals("model 'x' not found", ErrorDetail.of("{\"error\":\"model 'x' not found\"}"));
    assertEquals("overloaded", ErrorDetail.of("overloaded"));
  }

  @Test
  void dropsHtmlAndUnreadableDocuments() {
    assertEquals("", ErrorDetail.of("<html><body>502 Bad Gateway</body></html>"));
    assertEquals("", ErrorDetail.of("{not json"));
    assertEquals("", ErrorDetail.of(null));
  }

  @Test
  void masksWhatLooksLikeACredential() {
    String detail =
        ErrorDetail.of(
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abc123. "
                + "Token Bearer eyJhbGciOi and 0123456789abcdefABCDEF0123456789xyz\"}}");

    assertFalse(detail.contains("sk-proj"), detail);
    assertFalse(detail.contains("eyJhbGciOi"), detail);
    assertFalse(detail.contains("0123456789abcdef"), detail);
    assertTrue(detail.startsWith("Incorrect API key provided: [redacted]"), detail);
  }

  @Test
  void shortensLongMessages() {
    String detail = ErrorDetail.of("word ".repeat(100));

    assertEquals(ErrorDetail.MAX_LENGTH + 1, detail.length());
  }

  @Test
  void recognisesSpendLimits() {
    assertTrue(ErrorDetail.isSpendLimit("{\"error\":{\"code\":\"insufficient_quota\"}}"));
    assertTrue(ErrorDetail.isSpendLimit("Your credit balance is too low to access the API"));
    assertFalse(ErrorDetail.isSpendLimit("Rate limit reached for requests per min"));
  }
}
