package org.agentry.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void refusesBlankOrOverlongNames() {
    assertThrows(IllegalArgumentException.class, () -> key(" "));
    assertThrows(IllegalArgumentException.class, () -> key("x".repeat(101)));
  }

  @Test
  void revokingTwiceKeepsTheFirstInstant() {
    var key = key("ci");
    key.revoke(T0.plusSeconds(1));
    key.revoke(T0.plusSeconds(2));
    assertTrue(key.isRevoked());
    assertEquals(T0.plusSeconds(1), key.getRevokedAt());
  }

  private static ApiKey key(String name) {
    return new ApiKey("default", name, Role.VIEWER, "0".repeat(64), "agentry_abcd", T0);
  }
}
