package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.agentry.task.entity.DispatchState;

/**
 * Whether dispatch is paused, as this node last read it. The switch is one database row shared by
 * every node; it is read at most once per {@link #TTL} here, so a pause on another node takes
 * effect on this one within that time, and at once on the node that made it.
 */
@ApplicationScoped
public class DispatchSwitch {

  /** How long a read of the switch is trusted: 1 s. */
  public static final Duration TTL = Duration.ofSeconds(1);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  private boolean paused;
  private Instant readAt = Instant.MIN;

  /** Counts local changes, so that a read begun before one cannot overwrite it. */
  private long changes;

  /** Whether no node should claim or send tasks now. */
  public boolean paused() {
    var now = clock.instant();
    long seen;
    synchronized (this) {
      if (!now.isAfter(readAt.plus(TTL))) {
        return paused;
      }
      seen = changes;
    }
    boolean read = readPaused();
    synchronized (this) {
      if (changes == seen) {
        paused = read;
        readAt = now;
      }
      // else: a change made here while the database was read is newer than what was read (the
      // read may even predate its commit); it stands until the next read
      return paused;
    }
  }

  /**
   * Whether dispatch is paused, read again from the database when this node's last view says
   * paused. A consumer asks this before it drops a task's message: messages go out only after the
   * transaction that sent them committed, so when another node resumed dispatch and sent its tasks,
   * the database already says so while this node's view may still say paused for up to {@link #TTL}
   * (taken at its word, the consumers would drop the resumed tasks' messages, leaving them to the
   * slow stall fallback).
   */
  public boolean pausedConfirmed() {
    if (!paused()) {
      return false;
    }
    refresh();
    return paused();
  }

  /** The switch as the database has it now. */
  boolean readPaused() {
    var state = em.find(DispatchState.class, DispatchState.ID);
    return state != null && state.isPaused();
  }

  /** Forgets the last read, so that the next question reads the database. */
  public synchronized void refresh() {
    readAt = Instant.MIN;
  }

  /**
   * Notes a change this node just made. It is trusted for {@link #TTL} without a read: the change
   * is made inside a transaction that commits a moment later, and a read before the commit would
   * still see the old state (which, taken, would keep a resume from sending its tasks).
   */
  public synchronized void changed(boolean nowPaused) {
    changes++;
    paused = nowPaused;
    readAt = clock.instant();
  }
}
