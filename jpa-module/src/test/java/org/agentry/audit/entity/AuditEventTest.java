package org.agentry.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void longTextIsCutToItsColumn() {
    var who = new Actor("oidc:" + "s".repeat(300), "oidc", null, null, "127.0.0.1");
    var event =
        new AuditEvent(Instant.EPOCH, who, "agent.create", "agent", "a", "ok", "d".repeat(600));
    assertEquals(255, event.getActor().length());
    assertEquals(500, event.getDetail().length());
    assertEquals(Actor.DEFAULT_TENANT, event.getTenant());
    assertNull(event.getKeyPrefix());
    assertEquals(36, event.getId().length());
  }

  @Test
  void actionAndOutcomeAreRequired() {
    var who = Actor.system();
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(Instant.EPOCH, who, null, null, null, "ok", null));
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(Instant.EPOCH, who, "x", null, null, null, null));
  }
}
