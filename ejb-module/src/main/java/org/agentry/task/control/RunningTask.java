package org.agentry.task.control;

/**
 * A task running on this node's thread. An abort interrupts the thread only while it waits on a
 * model call: interrupting it during database work could break the connection in use.
 */
final class RunningTask {

  private final String taskId;
  private final Thread thread;
  private boolean inModelCall;
  private boolean abortRequested;

  RunningTask(String taskId, Thread thread) {
    this.taskId = taskId;
    this.thread = thread;
  }

  String taskId() {
    return taskId;
  }

  synchronized void enterModelCall() {
    inModelCall = true;
    if (abortRequested) {
      thread.interrupt();
    }
  }

  synchronized void exitModelCall() {
    inModelCall = false;
    Thread.interrupted();
  }

  synchronized void abortModelCall() {
    abortRequested = true;
    if (inModelCall) {
      thread.interrupt();
    }
  }

  /** Clears what an abort may have left on the thread, which goes back to the container. */
  synchronized void leave() {
    inModelCall = false;
    Thread.interrupted();
  }
}
