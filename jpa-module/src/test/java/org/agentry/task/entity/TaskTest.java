package org.agentry.task.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims, leases and attempts of a task. */
class TaskTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final Task task =
      new Task(
          "default",
          "a",
          new TaskSpec("in", 4, List.of(), null, null, null, null, null, null),
          3,
          T);

  @Test
  void eachClaimHasItsOwnTokenAndOnlyTheLatestHoldsTheTask() {
    task.claim("n1", "t1", T.plusSeconds(30), T);
    assertTrue(task.heldBy("t1"));

    task.requeue(null, T);
    assertFalse(task.heldBy("t1"));
    assertNull(task.getLeaseToken());
    task.claim("n1", "t2", T.plusSeconds(30), T);

    assertFalse(task.heldBy("t1"));
    assertTrue(task.heldBy("t2"));
    assertEquals(2, task.getAttempts());
  }

  @Test
  void resumingWithAnAnswerIsNoAttempt() {
    task.claim("n1", "t1", T.plusSeconds(30), T);
    task.waitFor("which file?", "call-1", T);
    task.resumeWithAnswer(T);
    task.claim("n1", "t2", T.plusSeconds(30), T);
    task.waitFor("and then?", "call-2", T);
    task.resumeWithAnswer(T);
    task.claim("n1", "t3", T.plusSeconds(30), T);

    assertEquals(1, task.getAttempts());

    task.requeue(T.plusSeconds(2), T); // a retriable provider failure
    task.claim("n1", "t4", T.plusSeconds(30), T);
    assertEquals(2, task.getAttempts());
  }

  @Test
  void onlyAQueuedTaskCanBeClaimed() {
    task.claim("n1", "t1", T.plusSeconds(30), T);

    assertThrows(IllegalStateException.class, () -> task.claim("n2", "t2", T, T));
  }

  @Test
  void anEndedTaskIsHeldByNoOne() {
    task.claim("n1", "t1", T.plusSeconds(30), T);
    task.finish(TaskStatus.COMPLETED, "done", "completed", T);

    assertFalse(task.heldBy("t1"));
  }

  @Test
  void tagPatternsTakeWildcardsLiterally() {
    assertEquals("%,a\\_b\\%c\\\\,%", Task.tagPattern("a_b%c\\"));
  }

  @Test
  void keepsOnlyAW3cTraceParent() {
    var valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    task.tracedFrom(valid);
    assertEquals(valid, task.getTraceParent());
    for (var bad : new String[] {null, "", "01-" + valid.substring(3), valid + "x", "garbage"}) {
      task.tracedFrom(bad);
      assertNull(task.getTraceParent(), bad);
    }
  }
}
