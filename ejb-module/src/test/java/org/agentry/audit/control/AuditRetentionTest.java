package org.agentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

  @Test
  void theDefaultKeeps400Days() {
    var retention = new AuditRetention();
    retention.setting = "P400D";
    retention.read();
    var now = Instant.parse("2026-12-02T00:00:00Z");
    assertEquals(Instant.parse("2025-10-28T00:00:00Z"), retention.cutoff(now));
  }

  @Test
  void anyPositiveIsoDurationIsTaken() {
    assertEquals(Duration.ofHours(36), AuditRetention.parse(" PT36H "));
  }

  @Test
  void nonsenseZeroAndNegativeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> AuditRetention.parse("400"));
    assertThrows(IllegalArgumentException.class, () -> AuditRetention.parse("PT0S"));
    assertThrows(IllegalArgumentException.class, () -> AuditRetention.parse("-P1D"));
  }
}
