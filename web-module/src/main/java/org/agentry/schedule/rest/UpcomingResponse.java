package org.agentry.schedule.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.schedule.control.UpcomingFires;

/**
 * The fires of all active schedules in [{@code from}, {@code to}), earliest first: what {@code GET
 * /api/v1/schedules/upcoming} answers. Paused schedules are left out.
 *
 * @param from the range's start, inclusive
 * @param to its end, exclusive
 * @param fires at most the asked limit
 * @param truncated true when the range holds more fires than listed
 */
public record UpcomingResponse(Instant from, Instant to, List<Fire> fires, boolean truncated) {

  /** The longest range: 31 days. */
  static final Duration MAX_RANGE = Duration.ofDays(31);

  /** The most fires one answer lists. */
  static final int MAX_LIMIT = 1000;

  /** The fires listed without a limit. */
  static final int DEFAULT_LIMIT = 500;

  /**
   * One fire.
   *
   * @param at the slot, a UTC instant
   * @param scheduleId the schedule's id
   * @param schedule its name
   * @param agent the agent its task goes to
   * @param timeZone the schedule's IANA zone
   */
  public record Fire(
      Instant at, String scheduleId, String schedule, String agent, String timeZone) {

    static Fire of(UpcomingFires.Fire fire) {
      var s = fire.schedule();
      return new Fire(fire.at(), s.getId(), s.getName(), s.getAgent(), s.getTimeZone());
    }
  }

  /**
   * A checked range: {@code from} defaults to now, {@code to} to 24 hours after {@code from}.
   *
   * @param limit the fires asked for: 1 to {@value #MAX_LIMIT}
   */
  record Range(Instant from, Instant to, int limit) {

    /**
     * @throws ApiException 400 {@code VALIDATION_FAILED} for an instant that is not ISO-8601, a
     *     {@code to} not after {@code from}, a range over 31 days, or a limit out of range
     */
    static Range of(String from, String to, Integer limit, Instant now) {
      var start = from == null ? now : Instants.parse(from, "from");
      var end = to == null ? start.plus(Duration.ofHours(24)) : Instants.parse(to, "to");
      if (!end.isAfter(start)) {
        throw ApiException.validation("'to' must be after 'from'.");
      }
      if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
        throw ApiException.validation("The range from 'from' to 'to' may span at most 31 days.");
      }
      int n = limit == null ? DEFAULT_LIMIT : limit;
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.validation("'limit' must be 1 to " + MAX_LIMIT + ".");
      }
      return new Range(start, end, n);
    }
  }

  static UpcomingResponse of(Range range, UpcomingFires.Listing listing) {
    var fires = listing.fires().stream().map(Fire::of).toList();
    return new UpcomingResponse(range.from(), range.to(), fires, listing.truncated());
  }
}
