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

  private volatile boolean paused;
  private volatile Instant readAt = Instant.MIN;

  /** Whether no node should claim or send tasks now. */
  public boolean paused() {
    var now = clock.instant();
    if (now.isAfter(readAt.plus(TTL))) {
      var state = em.find(DispatchState.class, DispatchState.ID);
      paused = state != null && state.isPaused();
      readAt = now;
    }
    return paused;
  }

  /** Forgets the last read, so that the next question reads the database. */
  public void refresh() {
    readAt = Instant.MIN;
  }

  /** Notes a change this node just committed. */
  public void changed(boolean nowPaused) {
    paused = nowPaused;
    readAt = clock.instant();
  }
}
