package org.agentry.schedule.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Beats every {@code seconds} from an anchor on: {@code anchor + k·seconds}, k ≥ 0, computed in
 * whole microseconds (the precision instants are stored with).
 */
record IntervalRhythm(Instant anchor, long seconds) implements Rhythm {

  @Override
  public Optional<Instant> after(Instant t) {
    long a = micros(anchor);
    long f = micros(t);
    if (f < a) {
      return Optional.of(anchor);
    }
    return Optional.of(instant(a + (Math.floorDiv(f - a, step()) + 1) * step()));
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    long a = micros(anchor);
    long k = Math.floorDiv(micros(t) - a, step());
    return k < 0 ? Optional.empty() : Optional.of(instant(a + k * step()));
  }

  @Override
  public long count(Instant from, Instant to) {
    return Math.max(0, (micros(to) - micros(from)) / step());
  }

  private long step() {
    return seconds * 1_000_000L;
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
