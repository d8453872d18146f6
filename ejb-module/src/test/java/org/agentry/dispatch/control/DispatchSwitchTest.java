package org.agentry.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  /** A switch whose database says what the test last put there. */
  private static final class Row extends DispatchSwitch {
    volatile boolean pausedInDatabase;
    int reads;

    Row() {
      clock = Clock.systemUTC();
    }

    @Override
    boolean readPaused() {
      reads++;
      return pausedInDatabase;
    }
  }

  @Test
  void aResumeOnAnotherNodeIsSeenBeforeAMessageIsDropped() {
    // Node B resumed and sent 1,000 tasks; node A's view still said paused for up to a second and
    // its consumers dropped hundreds of messages, left to the stall fallback (ClusterIT: 2 tasks/s)
    var nodeA = new Row();
    nodeA.pausedInDatabase = true;
    assertTrue(nodeA.paused());
    nodeA.pausedInDatabase = false; // resumed elsewhere
    assertTrue(nodeA.paused(), "the cached view, trusted for a second");
    assertFalse(nodeA.pausedConfirmed(), "a consumer reads again before it drops a message");
  }

  @Test
  void aConfirmedAnswerReadsOnlyWhenTheViewSaysPaused() {
    var node = new Row();
    assertFalse(node.pausedConfirmed());
    assertFalse(node.pausedConfirmed());
    assertEquals(1, node.reads, "running dispatch costs no read per message");
    node.pausedInDatabase = true;
    node.refresh();
    assertTrue(node.pausedConfirmed());
  }
}
