package org.agentry.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.agentry.schedule.entity.Schedule;
import org.agentry.schedule.entity.ScheduleSpec;
import org.agentry.task.entity.TaskSpec;
import org.junit.jupiter.api.Test;

class UpcomingFiresTest {

  private static final Instant FROM = Instant.parse("2026-12-02T10:10:00Z");
  private static final Instant TO = FROM.plusSeconds(3 * 3600);

  @Test
  void listsEachActiveScheduleAtItsRhythmInOrderAndLeavesPausedOnesOut() {
    var hourly = cron("hourly", "0 * * * *", "UTC", false, Instant.parse("2026-12-02T11:00:00Z"));
    // 15:30 in Kolkata (UTC+5:30) is 10:00 UTC: just before the range, and a day later after it
    var kolkata =
        cron(
            "kolkata", "30 15 * * *", "Asia/Kolkata", false, Instant.parse("2026-12-02T10:00:00Z"));
    var paused = cron("paused", "*/5 * * * *", "UTC", true, Instant.parse("2026-12-02T10:15:00Z"));
    var anchor = Instant.parse("2026-12-02T10:20:00Z");
    var interval = interval("every-40m", 2400, anchor);

    var listing = UpcomingFires.in(List.of(hourly, kolkata, paused, interval), FROM, TO, 100);

    assertFalse(listing.truncated());
    var names = listing.fires().stream().map(f -> f.at() + " " + f.schedule().getName()).toList();
    assertEquals(
        List.of(
            "2026-12-02T10:20:00Z every-40m",
            "2026-12-02T11:00:00Z every-40m",
            "2026-12-02T11:00:00Z hourly",
            "2026-12-02T11:40:00Z every-40m",
            "2026-12-02T12:00:00Z hourly",
            "2026-12-02T12:20:00Z every-40m",
            "2026-12-02T13:00:00Z every-40m",
            "2026-12-02T13:00:00Z hourly"),
        names);
  }

  @Test
  void noFireBeforeTheStoredNextSlotAndTheLimitTruncates() {
    // the 10:00 slot passed; the next stored slot is 12:00 (e.g. resumed at 11:30)
    var hourly = cron("hourly", "0 * * * *", "UTC", false, Instant.parse("2026-12-02T12:00:00Z"));
    var every = cron("minutely", "* * * * *", "UTC", false, FROM);

    var all = UpcomingFires.in(List.of(hourly), FROM, TO, 100).fires();
    assertEquals(
        List.of(Instant.parse("2026-12-02T12:00:00Z"), Instant.parse("2026-12-02T13:00:00Z")),
        all.stream().map(UpcomingFires.Fire::at).toList());

    var cut = UpcomingFires.in(List.of(hourly, every), FROM, TO, 7);
    assertTrue(cut.truncated());
    assertEquals(7, cut.fires().size());
    assertEquals(FROM, cut.fires().get(0).at());
    assertEquals(FROM.plusSeconds(6 * 60), cut.fires().get(6).at());
  }

  private static Schedule cron(
      String name, String cron, String zone, boolean paused, Instant next) {
    return new Schedule("default", spec(name, null, cron, zone, paused), null, next, FROM);
  }

  private static Schedule interval(String name, long seconds, Instant anchor) {
    return new Schedule("default", spec(name, seconds, null, "UTC", false), anchor, anchor, FROM);
  }

  private static ScheduleSpec spec(
      String name, Long interval, String cron, String zone, boolean paused) {
    var task = new TaskSpec("go", 4, List.of(), null, null, null, null, null, null);
    return new ScheduleSpec(name, "a", task, interval, cron, zone, null, paused, null, null);
  }
}
