package org.agentry.schedule.control;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Beats at the times a UNIX cron expression names in a time zone, as cron-utils evaluates them
 * ({@code CronType.UNIX}: five fields, no seconds, no {@code ?}, no nicknames).
 */
final class CronRhythm implements Rhythm {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime times;
  private final ZoneId zone;

  /**
   * @throws InvalidScheduleException if the expression is not a UNIX cron expression
   */
  CronRhythm(String expression, ZoneId zone) {
    InvalidScheduleException.check(
        !expression.isBlank() && expression.length() <= 255, "'cron' must be 1 to 255 characters");
    try {
      this.times = ExecutionTime.forCron(UNIX.parse(expression.trim()).validate());
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(
          "'cron' must be a UNIX cron expression (minute hour day-of-month month day-of-week): "
              + e.getMessage());
    }
    this.zone = zone;
  }

  @Override
  public Optional<Instant> after(Instant t) {
    return times.nextExecution(t.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    // lastExecution is strictly before its argument
    return times.lastExecution(t.plusNanos(1).atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /** Counts up to {@value Recurrence#MAX_COUNTED}: walking a long downtime beat by beat is slow. */
  @Override
  public long count(Instant from, Instant to) {
    long n = 0;
    for (var beat = Optional.of(from);
        beat.isPresent() && beat.get().isBefore(to) && n < Recurrence.MAX_COUNTED;
        beat = after(beat.get())) {
      n++;
    }
    return n;
  }
}
