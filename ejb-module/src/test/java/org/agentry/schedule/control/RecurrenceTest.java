package org.agentry.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agentry.schedule.entity.ScheduleSpec;
import org.agentry.task.entity.TaskSpec;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  private static final Instant T = Instant.parse("2026-01-10T10:00:00.123456Z");

  @Test
  void newIntervalScheduleFirstFiresOneIntervalAfterItWasDefined() {
    var recurrence = Recurrence.define(spec(60L, null, null, null, null), at(T));
    assertEquals(T.plusSeconds(60), recurrence.anchor());
    assertEquals(Optional.of(T.plusSeconds(60)), recurrence.first(at(T)));
    assertEquals(Optional.of(T.plusSeconds(180)), recurrence.after(T.plusSeconds(150)));
    assertEquals(Optional.of(T.plusSeconds(180)), recurrence.after(T.plusSeconds(120)));
  }

  @Test
  void intervalSlotsAreCountedFromStartAt() {
    var start = Instant.parse("2026-01-01T00:00:00Z");
    var past = Recurrence.define(spec(3600L, null, null, start, null), at(T));
    assertEquals(Optional.of(Instant.parse("2026-01-10T11:00:00Z")), past.first(at(T)));

    var future = Instant.parse("2026-02-01T08:30:00Z");
    var later = Recurrence.define(spec(3600L, null, null, future, null), at(T));
    assertEquals(Optional.of(future), later.first(at(T)));
  }

  @Test
  void cronWaitsForStartAt() {
    var start = Instant.parse("2026-03-01T10:30:00Z");
    var recurrence = Recurrence.define(spec(null, "0 * * * *", null, start, null), at(T));
    assertEquals(Optional.of(Instant.parse("2026-03-01T11:00:00Z")), recurrence.first(at(T)));
    var onTheHour = Recurrence.define(spec(null, "30 * * * *", null, start, null), at(T));
    assertEquals(Optional.of(start), onTheHour.first(at(T)), "startAt itself may be a slot");
  }

  @Test
  void cronFollowsItsTimeZoneAcrossTheSpringChange() {
    // New York moves to daylight saving time on 2026-03-08 at 02:00 local
    var recurrence =
        Recurrence.define(spec(null, "0 9 * * *", "America/New_York", null, null), at(T));
    assertEquals(
        List.of(
            Instant.parse("2026-03-07T14:00:00Z"),
            Instant.parse("2026-03-08T13:00:00Z"),
            Instant.parse("2026-03-09T13:00:00Z")),
        slots(recurrence, Instant.parse("2026-03-07T12:00:00Z"), 3));
  }

  @Test
  void daylightSavingChangesSkipMissingAndFireRepeatedLocalTimesOnce() {
    // Berlin: 02:00-03:00 does not exist on 2026-03-29 and happens twice on 2026-10-25
    var recurrence =
        Recurrence.define(spec(null, "30 2 * * *", "Europe/Berlin", null, null), at(T));
    assertEquals(
        List.of(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z")),
        slots(recurrence, Instant.parse("2026-03-27T12:00:00Z"), 2));
    assertEquals(
        List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z")),
        slots(recurrence, Instant.parse("2026-10-24T12:00:00Z"), 2));
  }

  @Test
  void endAtStopsTheSchedule() {
    var end = T.plusSeconds(150);
    var recurrence = Recurrence.define(spec(60L, null, null, null, end), at(T));
    assertEquals(Optional.of(T.plusSeconds(120)), recurrence.after(T.plusSeconds(60)));
    assertEquals(Optional.empty(), recurrence.after(T.plusSeconds(120)));

    var due = recurrence.due(T.plusSeconds(60), at(T.plusSeconds(1000)));
    assertEquals(T.plusSeconds(120), due.fire(), "the last slot before endAt fires");
    assertEquals(1, due.missed());
    assertNull(due.next(), "no slot after endAt");
  }

  @Test
  void catchUpFiresTheLatestMissedSlotOnceAndCountsTheRest() {
    var recurrence = Recurrence.define(spec(60L, null, null, null, null), at(T));
    var next = T.plusSeconds(60);

    var due = recurrence.due(next, at(next.plusSeconds(605)));

    assertEquals(next.plusSeconds(600), due.fire());
    assertEquals(next, due.firstMissed());
    assertEquals(10, due.missed());
    assertEquals(next.plusSeconds(660), due.next(), "the next slot is after now");
  }

  @Test
  void catchUpOfCronInItsTimeZone() {
    var recurrence =
        Recurrence.define(spec(null, "*/15 * * * *", "Asia/Kolkata", null, null), at(T));
    var next = Instant.parse("2026-01-10T10:00:00Z");

    var due = recurrence.due(next, at(Instant.parse("2026-01-10T11:07:00Z")));

    assertEquals(Instant.parse("2026-01-10T11:00:00Z"), due.fire());
    assertEquals(4, due.missed());
    assertEquals(Instant.parse("2026-01-10T11:15:00Z"), due.next());
  }

  @Test
  void aTickShortlyAfterTheSlotMissesNothing() {
    var recurrence = Recurrence.define(spec(2L, null, null, null, null), at(T));
    var next = T.plusSeconds(2);

    var due = recurrence.due(next, at(next.plusMillis(900)));

    assertEquals(next, due.fire());
    assertEquals(0, due.missed());
    assertNull(due.firstMissed());
    assertEquals(next.plusSeconds(2), due.next());
  }

  @Test
  void missedCronSlotsAreCountedUpToALimit() {
    var recurrence = Recurrence.define(spec(null, "* * * * *", null, null, null), at(T));
    var now = Instant.parse("2026-02-10T10:00:30Z");

    var due = recurrence.due(Instant.parse("2026-01-10T10:01:00Z"), at(now));

    assertEquals(Instant.parse("2026-02-10T10:00:00Z"), due.fire());
    assertEquals(Recurrence.MAX_COUNTED, due.missed());
  }

  @Test
  void cronThatNeverMatchesHasNoFirstSlot() {
    var recurrence = Recurrence.define(spec(null, "0 0 31 2 *", null, null, null), at(T));
    assertEquals(Optional.empty(), recurrence.first(at(T)));
  }

  @Test
  void timingThatMakesNoRhythmIsRefused() {
    assertInvalid(spec(null, "61 * * * *", null, null, null), "'cron'");
    assertInvalid(spec(null, "0 0 * * * *", null, null, null), "'cron'");
    assertInvalid(spec(null, "@daily", null, null, null), "'cron'");
    assertInvalid(spec(null, "0 9 * * *", "Mars/Olympus_Mons", null, null), "'timeZone'");
    assertInvalid(spec(null, "0 9 * * *", "+02:00", null, null), "'timeZone'");
    assertInvalid(spec(60L, "0 9 * * *", null, null, null), "not both");
    assertInvalid(spec(null, null, null, null, null), "'intervalSeconds' or 'cron'");
    assertInvalid(spec(0L, null, null, null, null), "'intervalSeconds'");
    assertInvalid(spec(Recurrence.MAX_INTERVAL_SECONDS + 1, null, null, null, null), "1 to");
    assertInvalid(spec(60L, null, null, T, T), "'endAt'");
  }

  private static void assertInvalid(ScheduleSpec spec, String fragment) {
    var e = assertThrows(InvalidScheduleException.class, () -> Recurrence.define(spec, at(T)));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private static List<Instant> slots(Recurrence recurrence, Instant from, int n) {
    var slots = new ArrayList<Instant>();
    var t = from;
    for (int i = 0; i < n; i++) {
      t = recurrence.after(t).orElseThrow();
      slots.add(t);
    }
    return slots;
  }

  static ScheduleSpec spec(Long interval, String cron, String zone, Instant start, Instant end) {
    var task = new TaskSpec("go", 4, List.of(), null, null, null, null, null, null);
    return new ScheduleSpec("s", "a", task, interval, cron, zone, null, null, start, end);
  }

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }
}
