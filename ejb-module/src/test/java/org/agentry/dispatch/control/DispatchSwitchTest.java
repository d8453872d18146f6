package org.agentry.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatchSwitchTest {

  /** A switch whose database read says "paused" and waits until the test lets it finish. */
  private static final class SlowRead extends DispatchSwitch {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);

    SlowRead() {
      clock = Clock.systemUTC();
    }

    @Override
    boolean readPaused() {
      reading.countDown();
      try {
        finish.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true; // what was committed before the resume
    }
  }

  @Test
  void aReadBegunBeforeAResumeDoesNotUndoIt() throws Exception {
    // A consumer read the switch while an operator resumed: it finished after the resume and put
    // "paused" back for a second, so the resume's tasks were not sent (DispatchIT, one in ~5 runs)
    var dispatchSwitch = new SlowRead();
    var consumer = CompletableFuture.supplyAsync(dispatchSwitch::paused);
    assertTrue(dispatchSwitch.reading.await(5, TimeUnit.SECONDS));
    dispatchSwitch.changed(false);
    dispatchSwitch.finish.countDown();
    consumer.get(5, TimeUnit.SECONDS);
    assertFalse(dispatchSwitch.paused(), "the resume stands");
  }

  @Test
  void aReadAfterTheTrustedTimeTakesTheDatabasesState() {
    var dispatchSwitch = new SlowRead();
    dispatchSwitch.finish.countDown();
    dispatchSwitch.changed(false);
    assertFalse(dispatchSwitch.paused());
    dispatchSwitch.refresh();
    assertTrue(dispatchSwitch.paused(), "read again: paused");
  }
}
