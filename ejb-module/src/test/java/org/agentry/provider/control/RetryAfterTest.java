package org.agentry.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void readsDelaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse("2", NOW));
    assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.parse(" 1.5 ", NOW));
  }

  @Test
  void readsHttpDates() {
    assertEquals(
        Optional.of(Duration.ofSeconds(30)),
        RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW));
    assertEquals(
        Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW));
  }

  @Test
  void ignoresUnreadableValues() {
    assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("-3", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("NaN", NOW));
  }
}
