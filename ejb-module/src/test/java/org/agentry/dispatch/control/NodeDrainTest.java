package org.agentry.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NodeDrainTest {

  private static final Instant T0 = Instant.parse("2026-01-31T09:00:00Z");

  private static NodeDrain at(Instant now) {
    var drain = new NodeDrain();
    drain.clock = Clock.fixed(now, ZoneOffset.UTC);
    return drain;
  }

  @Test
  void servingUntilStarted() {
    var drain = at(T0);
    assertFalse(drain.draining());
    assertFalse(drain.pastDeadline());
    var progress = drain.progress(3);
    assertEquals("serving", progress.state());
    assertNull(progress.deadline());
    assertEquals(3, progress.running());
  }

  @Test
  void drainingWhileRunsAreLeftBeforeTheDeadlineThenDrained() {
    var drain = at(T0);
    drain.start(Duration.ofSeconds(30));
    assertTrue(drain.draining());
    assertEquals("draining", drain.progress(2).state());
    assertEquals("drained", drain.progress(0).state(), "nothing left to run");
    assertEquals(T0.plusSeconds(30), drain.progress(2).deadline());

    drain.clock = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);
    assertTrue(drain.pastDeadline());
    assertEquals("drained", drain.progress(2).state(), "the deadline passed");
  }

  @Test
  void anotherStartMovesTheDeadlineButKeepsTheStart() {
    var drain = at(T0);
    drain.start(Duration.ofSeconds(5));
    drain.clock = Clock.fixed(T0.plusSeconds(4), ZoneOffset.UTC);
    drain.start(Duration.ofSeconds(60));
    var progress = drain.progress(1);
    assertEquals(T0, progress.startedAt());
    assertEquals(T0.plusSeconds(64), progress.deadline());
    drain.clock = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);
    assertFalse(drain.pastDeadline());
  }
}
