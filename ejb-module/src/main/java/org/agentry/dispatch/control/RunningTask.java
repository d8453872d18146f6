package org.agentry.dispatch.control;

/**
 * A task running on this node's thread, with its lease. A stop (a cancel, a lost lease) is a flag
 * the run reads between steps; it interrupts the thread only while it waits on a model call, as
 * interrupting it during database work could break the connection in use.
 */
final class RunningTask {

  private final Lease lease;
  private final Thread thread;
  private boolean inModelCall;
  private volatile boolean stopRequested;

  RunningTask(Lease lease, Thread thread) {
    this.lease = lease;
    this.thread = thread;
  }

  Lease lease() {
    return lease;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  synchronized void enterModelCall() {
    inModelCall = true;
    if (stopRequested) {
      thread.interrupt();
    }
  }

  synchronized void exitModelCall() {
    inModelCall = false;
    Thread.interrupted();
  }

  /** Stops the run at its next step, aborting the model call in flight. */
  synchronized void stop() {
    stopRequested = true;
    if (inModelCall) {
      thread.interrupt();
    }
  }

  /** Clears what a stop may have left on the thread, which goes back to the container. */
  synchronized void leave() {
    inModelCall = false;
    Thread.interrupted();
  }
}
