package org.agentry.schedule.control;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.agentry.schedule.entity.Schedule;
import org.agentry.schedule.entity.ScheduleSpec;

/**
 * When a schedule's slots are: every {@code intervalSeconds} counted from an anchor, or the times a
 * cron expression names in an IANA time zone; both kept inside the window [{@code startAt}, {@code
 * endAt}] (either end may be open). Instants have microsecond precision, as stored.
 *
 * <p>Cron expressions are UNIX crontab(5) ones — five fields, minute hour day-of-month month
 * day-of-week, no seconds, no {@code ?}, no {@code @daily} nicknames — parsed and evaluated by
 * cron-utils ({@code CronType.UNIX}). A local time that a daylight-saving change skips does not
 * fire that day; one the change repeats fires once, at its first occurrence.
 *
 * <p>An interval's anchor is {@code startAt}, or without one the moment of definition plus one
 * interval: a new schedule first fires one interval after it was created.
 */
public final class Recurrence {

  /** The longest interval: ten years, in seconds. */
  public static final long MAX_INTERVAL_SECONDS = 315_360_000L;

  /** Missed cron slots are counted up to this many; beyond, the count stays here. */
  public static final int MAX_COUNTED = 10_000;

  /**
   * What is due when the clock looks at a schedule whose next slot has passed.
   *
   * @param fire the slot to fire now: the latest one that has passed
   * @param firstMissed the first of the slots passed before {@code fire}, or null if none
   * @param missed how many slots passed before {@code fire} (cron: at most {@value #MAX_COUNTED})
   * @param next the first slot after now, or null when the window has ended
   */
  public record Due(Instant fire, Instant firstMissed, long missed, Instant next) {}

  private final Rhythm rhythm;
  private final Instant anchor;
  private final Instant startAt;
  private final Instant endAt;

  private Recurrence(Rhythm rhythm, Instant anchor, Instant startAt, Instant endAt) {
    this.rhythm = rhythm;
    this.anchor = anchor;
    this.startAt = startAt;
    this.endAt = endAt;
  }

  /**
   * The rhythm of a new or redefined schedule, anchored now.
   *
   * @throws InvalidScheduleException if the timing makes no rhythm
   */
  public static Recurrence define(ScheduleSpec spec, Clock clock) {
    Instant anchor = null;
    if (spec.intervalSeconds() != null && spec.cron() == null) {
      checkInterval(spec.intervalSeconds());
      anchor =
          spec.startAt() != null ? spec.startAt() : now(clock).plusSeconds(spec.intervalSeconds());
    }
    return of(
        spec.intervalSeconds(), spec.cron(), spec.timeZone(), spec.startAt(), spec.endAt(), anchor);
  }

  /** The rhythm of a stored schedule. */
  public static Recurrence of(Schedule schedule) {
    return of(
        schedule.getIntervalSeconds(),
        schedule.getCron(),
        schedule.getTimeZone(),
        schedule.getStartAt(),
        schedule.getEndAt(),
        schedule.getAnchorAt());
  }

  /**
   * A rhythm.
   *
   * @param intervalSeconds 1 to {@value #MAX_INTERVAL_SECONDS}, or null with a cron expression
   * @param cron a UNIX cron expression, or null with an interval
   * @param timeZone an IANA zone id such as {@code Europe/Berlin}; null means {@code UTC}
   * @param anchor where an interval's slots are counted from (required with an interval)
   * @throws InvalidScheduleException if the timing makes no rhythm
   */
  public static Recurrence of(
      Long intervalSeconds,
      String cron,
      String timeZone,
      Instant startAt,
      Instant endAt,
      Instant anchor) {
    InvalidScheduleException.check(
        (intervalSeconds == null) != (cron == null), "Give 'intervalSeconds' or 'cron', not both");
    var zoneId = timeZone == null ? "UTC" : timeZone;
    InvalidScheduleException.check(
        ZoneId.getAvailableZoneIds().contains(zoneId),
        "'timeZone' must be an IANA time zone such as Europe/Berlin or UTC");
    InvalidScheduleException.check(
        startAt == null || endAt == null || endAt.isAfter(startAt),
        "'endAt' must be after 'startAt'");
    if (intervalSeconds != null) {
      checkInterval(intervalSeconds);
      InvalidScheduleException.check(anchor != null, "an interval needs an anchor");
      return new Recurrence(new IntervalRhythm(anchor, intervalSeconds), anchor, startAt, endAt);
    }
    return new Recurrence(new CronRhythm(cron, ZoneId.of(zoneId)), null, startAt, endAt);
  }

  private static void checkInterval(long seconds) {
    InvalidScheduleException.check(
        seconds >= 1 && seconds <= MAX_INTERVAL_SECONDS,
        "'intervalSeconds' must be 1 to " + MAX_INTERVAL_SECONDS);
  }

  /** Where an interval's slots are counted from; null for cron. */
  public Instant anchor() {
    return anchor;
  }

  /** The first slot after now, or empty if there is none (the window has ended, or never opens). */
  public Optional<Instant> first(Clock clock) {
    return after(now(clock));
  }

  /** The first slot strictly after {@code t} inside the window, or empty if there is none. */
  public Optional<Instant> after(Instant t) {
    var from = startAt != null && startAt.isAfter(t) ? startAt.minusNanos(1) : t;
    return rhythm.after(from).filter(s -> endAt == null || !s.isAfter(endAt));
  }

  /**
   * What is due: the latest passed slot fires, the ones before it are missed (coalesced), and the
   * next slot is the first after now.
   *
   * @param nextRunAt the schedule's next slot, which has passed
   */
  public Due due(Instant nextRunAt, Clock clock) {
    var now = now(clock);
    var fire = atOrBefore(now).filter(s -> !s.isBefore(nextRunAt)).orElse(nextRunAt);
    long missed = rhythm.count(nextRunAt, fire);
    return new Due(fire, missed == 0 ? null : nextRunAt, missed, after(now).orElse(null));
  }

  private Optional<Instant> atOrBefore(Instant t) {
    var to = endAt != null && endAt.isBefore(t) ? endAt : t;
    return rhythm.atOrBefore(to).filter(s -> startAt == null || !s.isBefore(startAt));
  }

  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
