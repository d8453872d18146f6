package org.agentry.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.agentry.audit.entity.Actor;
import org.agentry.audit.entity.AuditEvent;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void aLineHasEveryColumnEmptyForNullsAndQuotedOrDefusedText() {
    var who = new Actor("api-key:k1", "api-key", "agentry_abcd", "default", "10.0.0.9");
    var event =
        new AuditEvent(
            Instant.parse("2026-01-02T03:04:05Z"),
            who,
            "agent.create",
            "agent",
            "=cmd",
            "ok",
            "a, \"b\"");
    var cells = AuditCsv.line(event).replace(event.getId(), "ID").replace("\r\n", "");
    assertEquals(
        "ID,2026-01-02T03:04:05Z,api-key:k1,api-key,agentry_abcd,default,agent.create,agent,'=cmd,"
            + "10.0.0.9,ok,\"a, \"\"b\"\"\"",
        cells);
    assertEquals(12, AuditCsv.HEADER.split(",").length);
  }

  @Test
  void nullsAreEmptyCells() {
    var event =
        new AuditEvent(Instant.EPOCH, Actor.system(), "usage.reset", null, null, "ok", null);
    assertEquals(
        event.getId() + ",1970-01-01T00:00:00Z,system,system,,default,usage.reset,,,,ok,\r\n",
        AuditCsv.line(event));
  }
}
