package org.agentry.provider.control;

import java.time.Duration;

/** Waits; injectable so that tests of retries and slow models need not wait for real. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the given time.
   *
   * @param duration how long, ≥ 0
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
