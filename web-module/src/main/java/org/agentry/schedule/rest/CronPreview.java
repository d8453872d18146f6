package org.agentry.schedule.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.schedule.control.Recurrence;

/**
 * The next fire times of a cron expression in a time zone, as a schedule with that timing would
 * fire (the same {@link Recurrence}, so the same cron-utils {@code UNIX} evaluation and the same
 * daylight-saving rules).
 *
 * @param cron the expression as given
 * @param timeZone the IANA zone it is evaluated in
 * @param next the fire times after now, earliest first, as UTC instants; fewer than asked when the
 *     expression stops firing
 */
public record CronPreview(String cron, String timeZone, List<Instant> next) {

  /** The most fire times one preview lists. */
  static final int MAX_COUNT = 20;

  /**
   * Computes a preview.
   *
   * @param zone an IANA zone id; null means UTC
   * @param count 1 to {@value #MAX_COUNT}; null means 5
   * @throws ApiException 400 {@code VALIDATION_FAILED} without a cron expression or with a count
   *     out of range
   * @throws org.agentry.schedule.control.InvalidScheduleException (422 {@code INVALID_SCHEDULE})
   *     for an expression or zone a schedule would refuse
   */
  static CronPreview of(String cron, String zone, Integer count, Instant now) {
    if (cron == null || cron.isBlank()) {
      throw ApiException.validation(
          "'cron' is required: a UNIX cron expression such as 0 9 * * 1-5.");
    }
    int n = count == null ? 5 : count;
    if (n < 1 || n > MAX_COUNT) {
      throw ApiException.validation("'count' must be 1 to " + MAX_COUNT + ".");
    }
    var timeZone = zone == null || zone.isBlank() ? "UTC" : zone;
    var recurrence = Recurrence.of(null, cron, timeZone, null, null, null);
    var next = new ArrayList<Instant>(n);
    for (var t = recurrence.after(now);
        t.isPresent() && next.size() < n;
        t = recurrence.after(t.get())) {
      next.add(t.get());
    }
    return new CronPreview(cron, timeZone, List.copyOf(next));
  }
}
