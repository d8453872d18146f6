package org.agentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  /** A clock the test moves. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aRepeatIsAdmittedAgainOnlyAfterAMinute() {
    var clock = new Manual();
    var throttle = new SignInThrottle(clock);
    assertTrue(throttle.admit("10.0.0.1|abc"));
    assertFalse(throttle.admit("10.0.0.1|abc"));
    assertTrue(throttle.admit("10.0.0.2|abc"), "another address is another key");
    clock.now = clock.now.plus(Duration.ofSeconds(SignInThrottle.REPEAT_SECONDS - 1));
    assertFalse(throttle.admit("10.0.0.1|abc"));
    clock.now = clock.now.plus(Duration.ofSeconds(2));
    assertTrue(throttle.admit("10.0.0.1|abc"));
  }

  @Test
  void atMostSoManyAMinuteInAll() {
    var clock = new Manual();
    var throttle = new SignInThrottle(clock);
    for (int i = 0; i < SignInThrottle.PER_MINUTE; i++) {
      assertTrue(throttle.admit("k" + i));
    }
    assertFalse(throttle.admit("one-more"));
    clock.now = clock.now.plus(Duration.ofSeconds(61));
    assertTrue(throttle.admit("one-more"));
  }
}
