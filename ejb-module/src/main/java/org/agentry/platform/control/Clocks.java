package org.agentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The application's clock: UTC, ticking in whole microseconds, the precision {@code timestamptz}
 * keeps, so that an instant written and read back compares equal. Inject {@code Clock}; tests
 * construct controls with a fixed one.
 */
@ApplicationScoped
public class Clocks {

  /** UTC in whole microseconds. */
  public static final Clock MICROS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  @Produces
  Clock clock() {
    return MICROS;
  }
}
