package org.agentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  private final Watchdog watchdog = Watchdog.standalone();

  @Test
  void callReturnsWhatTheWorkReturnsInTime() throws Exception {
    assertEquals("done", watchdog.call(() -> "done", Duration.ofSeconds(5)));
  }

  @Test
  void callGivesUpAtTheDeadlineAndInterruptsTheWork() throws Exception {
    var interrupted = new CountDownLatch(1);
    long start = System.nanoTime();

    assertThrows(
        TimeoutException.class,
        () ->
            watchdog.call(
                () -> {
                  try {
                    Thread.sleep(60_000);
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                  }
                  return "late";
                },
                Duration.ofMillis(200)));

    assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
    assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the work was interrupted");
  }

  @Test
  void anAlarmInterruptsTheThreadAtItsDeadlineAndClosingClearsIt() {
    boolean interrupted = false;
    try (var alarm = watchdog.interruptAfter(Duration.ofMillis(100))) {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        interrupted = true;
        Thread.currentThread().interrupt(); // as a caller that restores the flag would
      }
      assertTrue(alarm.rang());
    }
    assertTrue(interrupted);
    assertFalse(Thread.currentThread().isInterrupted(), "closing cleared the interrupt");
  }

  @Test
  void anAlarmClosedInTimeNeverRings() throws Exception {
    var alarm = watchdog.interruptAfter(Duration.ofMillis(100));
    alarm.close();
    Thread.sleep(300);
    assertFalse(alarm.rang());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
