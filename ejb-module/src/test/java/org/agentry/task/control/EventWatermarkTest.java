package org.agentry.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.agentry.task.control.EventWatermark.Activity;
import org.agentry.task.entity.TaskEvent;
import org.junit.jupiter.api.Test;

class EventWatermarkTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void releasesEventsInOrderAtOnce() {
    var watermark = new EventWatermark(0, 10_000);
    assertEquals(List.of(1L, 2L, 3L), ids(watermark.accept(events(1, 2, 3), true, 0)));
    assertEquals(3, watermark.floor());
    assertEquals(0, watermark.openGaps());
  }

  @Test
  void holdsEventsAboveAnIdNotCommittedYet() {
    var watermark = new EventWatermark(0, 10_000);
    assertEquals(List.of(1L, 2L), ids(watermark.accept(events(1, 2, 4, 5), true, 0)));
    assertEquals(1, watermark.openGaps());
    watermark.observe(new Activity(watermark.polls(), T0, true, true, T0.minusSeconds(1)));
    // the scan reads above the floor again: 3 committed meanwhile
    assertEquals(List.of(3L, 4L, 5L), ids(watermark.accept(events(3, 4, 5), true, 100)));
    assertEquals(5, watermark.floor());
    assertEquals(0, watermark.givenUp());
  }

  @Test
  void givesUpAGapOnceNoTransactionFromBeforeItIsOpen() {
    var watermark = new EventWatermark(0, 10_000);
    watermark.accept(events(1, 3), true, 0);
    // still open: a transaction that started before the gap was noticed
    watermark.observe(new Activity(watermark.polls(), T0, true, true, T0.minusMillis(5)));
    assertEquals(List.of(), ids(watermark.accept(events(3), true, 250)));
    // now only transactions that started after it was noticed: the holder ended (rolled back)
    watermark.observe(
        new Activity(watermark.polls(), T0.plusMillis(250), true, true, T0.plusMillis(1)));
    assertEquals(List.of(3L), ids(watermark.accept(events(3), true, 500)));
    assertEquals(1, watermark.givenUp());
  }

  @Test
  void givesUpAGapWhenNoOtherTransactionIsOpen() {
    var watermark = new EventWatermark(0, 10_000);
    watermark.accept(events(1, 3), true, 0);
    watermark.observe(new Activity(watermark.polls(), T0, true, false, null));
    assertEquals(List.of(3L), ids(watermark.accept(events(3), true, 250)));
  }

  @Test
  void anAnswerFromBeforeTheGapWasNoticedDoesNotCloseIt() {
    var watermark = new EventWatermark(0, 10_000);
    watermark.accept(events(1), true, 0);
    watermark.observe(new Activity(watermark.polls(), T0, true, false, null));
    // the gap 2 is noticed by this read; the answer above came before it
    assertEquals(List.of(), ids(watermark.accept(events(3), true, 250)));
    assertEquals(1, watermark.openGaps());
  }

  @Test
  void givesUpAfterTheWaitWhenTheDatabaseCannotTell() {
    var watermark = new EventWatermark(0, 1_000);
    watermark.accept(events(1, 3), true, 0);
    watermark.observe(Activity.unknown(watermark.polls()));
    assertEquals(List.of(), ids(watermark.accept(events(3), true, 999)));
    assertEquals(List.of(3L), ids(watermark.accept(events(3), true, 1_000)));
  }

  @Test
  void aMovedSequenceIsNotWaitedFor() {
    var watermark = new EventWatermark(0, 10_000);
    long far = 10 + EventWatermark.MAX_JUMP + 1;
    assertEquals(List.of(1L, far), ids(watermark.accept(events(1, far), true, 0)));
    assertEquals(0, watermark.openGaps());
  }

  /**
   * Transactions take ids in order and commit in a random order; some roll back. Whatever the
   * order, every committed event is released exactly once and in id order.
   */
  @Test
  void randomCommitOrdersReleaseEveryCommittedEventOnceInOrder() {
    var random = new Random(42);
    for (int round = 0; round < 200; round++) {
      var watermark = new EventWatermark(0, Long.MAX_VALUE / 2); // only the database's answer
      int count = 200 + random.nextInt(300);
      var pending = new ArrayList<Long>();
      var rolledBack = new ArrayList<Long>();
      for (long id = 1; id <= count; id++) {
        (random.nextInt(20) == 0 ? rolledBack : pending).add(id);
      }
      Collections.shuffle(pending, random);
      var visible = new TreeMap<Long, TaskEvent>();
      var released = new ArrayList<Long>();
      long clock = 0;
      int cursor = 0;
      while (released.size() < pending.size()) {
        // commit a few
        int commits = random.nextInt(8);
        for (int i = 0; i < commits && cursor < pending.size(); i++) {
          long id = pending.get(cursor++);
          visible.put(id, event(id));
        }
        clock += 250;
        var above = new ArrayList<>(visible.tailMap(watermark.floor(), false).values());
        var read = above.subList(0, Math.min(50, above.size()));
        var out = watermark.accept(read, read.size() == above.size(), clock);
        released.addAll(ids(out));
        boolean open = cursor < pending.size();
        watermark.observe(new Activity(watermark.polls(), T0.plusMillis(clock), true, open, null));
        assertTrue(clock < 10_000_000, "stuck at floor " + watermark.floor());
      }
      long last = Collections.max(pending);
      long below = rolledBack.stream().filter(id -> id < last).count(); // later ones are unseen
      assertEquals(below, watermark.givenUp(), "round " + round);
      var expected = new ArrayList<>(pending);
      Collections.sort(expected);
      assertEquals(expected, released, "round " + round);
    }
  }

  private static List<Long> ids(List<TaskEvent> events) {
    return events.stream().map(TaskEvent::getId).toList();
  }

  private static List<TaskEvent> events(long... ids) {
    var events = new ArrayList<TaskEvent>();
    for (long id : ids) {
      events.add(event(id));
    }
    return events;
  }

  private static TaskEvent event(long id) {
    var event = new TaskEvent("t", "a", "status", "{}", T0);
    try {
      var field = TaskEvent.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(event, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return event;
  }
}
