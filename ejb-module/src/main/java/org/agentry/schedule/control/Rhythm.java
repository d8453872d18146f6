package org.agentry.schedule.control;

import java.time.Instant;
import java.util.Optional;

/** A schedule's beat without its window: an interval or a cron expression. */
interface Rhythm {

  /** The first beat strictly after {@code t}, or empty if there is none. */
  Optional<Instant> after(Instant t);

  /** The latest beat at or before {@code t}, or empty if there is none. */
  Optional<Instant> atOrBefore(Instant t);

  /** How many beats lie in [from, to), {@code from} being one; may stop counting at a limit. */
  long count(Instant from, Instant to);
}
