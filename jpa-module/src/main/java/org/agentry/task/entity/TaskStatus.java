package org.agentry.task.entity;

import java.util.Locale;

/** A task's state: {@code queued → running → (waiting) → completed | failed | cancelled}. */
public enum TaskStatus {
  QUEUED,
  RUNNING,
  /** The agent asked for input ({@code ask_user}); {@code POST …/respond} resumes it. */
  WAITING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the task is over. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API name.
   *
   * @throws IllegalArgumentException if it names no status
   */
  public static TaskStatus fromApiName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'status' must be one of queued, running, waiting, completed, failed, cancelled");
    }
  }
}
