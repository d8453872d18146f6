package org.agentry.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSessionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static WebSession session(Set<Role> roles) {
    return new WebSession("id", "csrf", "sub", "Ada", null, roles, T0, Duration.ofHours(8));
  }

  @Test
  void activeUntilIdleOrAbsoluteExpiry() {
    var session = session(Set.of(Role.VIEWER));
    var idle = Duration.ofMinutes(30);
    assertTrue(session.isActive(T0.plusSeconds(60), idle));
    assertFalse(session.isActive(T0.plus(idle), idle));
    assertFalse(session.isActive(T0.plus(Duration.ofHours(8)), Duration.ofDays(1)));
    assertTrue(session.isActive(T0.plus(Duration.ofHours(7)), Duration.ofDays(1)));
  }

  @Test
  void rolesRoundTripIncludingNone() {
    assertEquals(
        Set.of(Role.ADMIN, Role.VIEWER), session(Set.of(Role.VIEWER, Role.ADMIN)).getRoles());
    assertTrue(session(Set.of()).getRoles().isEmpty());
  }
}
