package org.agentry.schedule.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agentry.schedule.entity.Schedule;

/**
 * When schedules will fire in a range, as the clock would fire them: each schedule's slots by its
 * {@link Recurrence} (the same cron-utils evaluation, interval anchor and window), none before its
 * stored next slot (the ones before have fired or were skipped). Paused schedules and schedules
 * whose window has ended fire nothing.
 */
public final class UpcomingFires {

  /**
   * One fire.
   *
   * @param at the slot, a UTC instant
   * @param schedule the schedule that fires then
   */
  public record Fire(Instant at, Schedule schedule) {}

  /**
   * The fires in a range, earliest first (ties by schedule name).
   *
   * @param truncated true when more fires lie in the range than were listed
   */
  public record Listing(List<Fire> fires, boolean truncated) {}

  private static final Comparator<Fire> ORDER =
      Comparator.comparing(Fire::at)
          .thenComparing(f -> f.schedule().getName())
          .thenComparing(f -> f.schedule().getId());

  private UpcomingFires() {}

  /**
   * The fires in [{@code from}, {@code to}).
   *
   * @param limit the most fires listed; each schedule contributes at most {@code limit + 1}, so the
   *     work is bounded by schedules × limit
   */
  public static Listing in(List<Schedule> schedules, Instant from, Instant to, int limit) {
    var fires = new ArrayList<Fire>();
    for (var schedule : schedules) {
      if (!schedule.isPaused() && schedule.getNextRunAt() != null) {
        add(fires, schedule, from, to, limit + 1);
      }
    }
    fires.sort(ORDER);
    boolean truncated = fires.size() > limit;
    return new Listing(List.copyOf(truncated ? fires.subList(0, limit) : fires), truncated);
  }

  private static void add(List<Fire> fires, Schedule schedule, Instant from, Instant to, int most) {
    Recurrence recurrence;
    try {
      recurrence = Recurrence.of(schedule);
    } catch (InvalidScheduleException e) {
      return; // a zone the JDK no longer knows: the clock cannot fire it either
    }
    var next = schedule.getNextRunAt();
    var start = next.isAfter(from) ? next : from;
    int n = 0;
    for (var t = recurrence.after(start.minusNanos(1));
        t.isPresent() && t.get().isBefore(to) && n < most;
        t = recurrence.after(t.get())) {
      fires.add(new Fire(t.get(), schedule));
      n++;
    }
  }
}
