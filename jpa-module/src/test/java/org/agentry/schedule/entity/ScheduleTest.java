package org.agentry.schedule.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.task.entity.TaskSpec;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant T = Instant.parse("2026-01-10T10:00:00Z");

  @Test
  void eachRunsTaskIsTheTemplateTaggedWithTheSchedule() {
    var schedule = new Schedule("default", spec(List.of("daily"), null), T.plusSeconds(60), T, T);
    var task = schedule.taskSpec();
    assertEquals(List.of("daily", "schedule:" + schedule.getId()), task.tags());
    assertEquals("go", task.input());
    assertEquals(7, task.priority());
    assertEquals(List.of("daily"), schedule.spec().task().tags(), "the template stays as given");
  }

  @Test
  void specDefaultsToUtcAndSkip() {
    var spec = spec(List.of(), null);
    assertEquals("UTC", spec.timeZone());
    assertEquals(OverlapPolicy.SKIP, spec.overlap());
  }

  @Test
  void templateLeavesRoomForTheScheduleTag() {
    var tags = Collections.nCopies(ScheduleSpec.MAX_TAGS + 1, "t");
    var e = assertThrows(InvalidInputException.class, () -> spec(tags, null));
    assertTrue(e.getMessage().contains("'task.tags'"));
  }

  @Test
  void templateTakesNoSession() {
    var task = new TaskSpec("go", 4, List.of(), "session-1", null, null, null, null, null);
    assertThrows(
        InvalidInputException.class,
        () -> new ScheduleSpec("s", "a", task, 2L, null, null, null, null, null, null));
  }

  @Test
  void redefiningKeepsPausedUnlessTheSpecSaysSo() {
    var schedule = new Schedule("default", spec(List.of(), true), T, T, T);
    assertTrue(schedule.isPaused());
    schedule.redefine(spec(List.of(), null), T, T.plusSeconds(5), T);
    assertTrue(schedule.isPaused());
    assertFalse(schedule.isDue(T.plusSeconds(10)), "a paused schedule is never due");
    schedule.resume(T.plusSeconds(20), T);
    assertFalse(schedule.isDue(T.plusSeconds(10)));
    assertTrue(schedule.isDue(T.plusSeconds(20)));
    schedule.redefine(spec(List.of(), true), T, null, T);
    assertTrue(schedule.isPaused());
    assertNull(schedule.getNextRunAt());
  }

  private static ScheduleSpec spec(List<String> tags, Boolean paused) {
    var task = new TaskSpec("go", 7, tags, null, null, null, null, null, null);
    return new ScheduleSpec("nightly", "a", task, 60L, null, null, null, paused, null, null);
  }
}
