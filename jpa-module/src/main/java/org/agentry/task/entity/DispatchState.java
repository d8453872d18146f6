package org.agentry.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The cluster-wide dispatch switch: one row; while paused, no node claims new tasks. */
@Entity
@Table(name = "dispatch_state")
public class DispatchState {

  /** The id of the one row. */
  public static final int ID = 1;

  @Id private Integer id;

  @Column(nullable = false)
  private boolean paused;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected DispatchState() {}

  public void pause(Instant now) {
    paused = true;
    updatedAt = now;
  }

  public void resume(Instant now) {
    paused = false;
    updatedAt = now;
  }

  public boolean isPaused() {
    return paused;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
