package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * When the active schedules fire in a range ({@code GET /api/v1/schedules/upcoming}), earliest
 * first; paused schedules are left out.
 *
 * @param from the range's start, inclusive
 * @param to its end, exclusive
 * @param truncated true when the range holds more fires than were listed
 */
public record UpcomingFires(Instant from, Instant to, List<Fire> fires, boolean truncated) {

  /**
   * One fire.
   *
   * @param at the slot
   * @param schedule the schedule's name
   * @param timeZone the schedule's IANA zone
   */
  public record Fire(
      Instant at, String scheduleId, String schedule, String agent, String timeZone) {}
}
