package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This node's drain: once started, the node claims no task (its consumers drop the messages they
 * get, and its sweeper neither sends nor runs tasks), while the runs it has go on. Until the
 * deadline the node renews their leases; after it, it stops renewing them, so each lease lapses
 * within {@code agentry.dispatch.lease-seconds} and any node's sweeper queues the task again.
 * Unlike the cluster-wide dispatch pause (one database row), a drain lives only in this node's
 * memory and ends only with the process.
 */
@ApplicationScoped
public class NodeDrain {

  /**
   * Where a drain stands.
   *
   * @param state {@code serving} (no drain), {@code draining} (runs left, before the deadline) or
   *     {@code drained} (no run left, or the deadline passed)
   * @param startedAt when the drain started; null while serving
   * @param deadline until when running tasks keep their leases; null while serving
   * @param running tasks running on this node now
   */
  public record Progress(String state, Instant startedAt, Instant deadline, int running) {}

  @Inject Clock clock;

  private volatile Instant startedAt;
  private volatile Instant deadline;

  /**
   * Starts draining, or moves the deadline of a drain under way (its start stays).
   *
   * @param grace how long running tasks may still take, from now
   */
  public synchronized void start(Duration grace) {
    var now = clock.instant();
    if (startedAt == null) {
      startedAt = now;
    }
    deadline = now.plus(grace);
  }

  /** Whether this node has stopped claiming tasks. */
  public boolean draining() {
    return startedAt != null;
  }

  /** Whether the drain's deadline has passed: the node no longer renews its leases. */
  public boolean pastDeadline() {
    var end = deadline;
    return end != null && !clock.instant().isBefore(end);
  }

  /** The drain's progress with this many runs left on the node. */
  public Progress progress(int running) {
    if (startedAt == null) {
      return new Progress("serving", null, null, running);
    }
    var state = running == 0 || pastDeadline() ? "drained" : "draining";
    return new Progress(state, startedAt, deadline, running);
  }
}
