package org.agentry.goal.entity;

import java.util.Locale;

/**
 * A goal's state: {@code planning → running → synthesizing → completed}, with {@code running →
 * planning} for a re-plan after a failed step, and {@code failed} or {@code cancelled} from any
 * active state.
 */
public enum GoalStatus {
  PLANNING,
  RUNNING,
  SYNTHESIZING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the goal is over. */
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
  public static GoalStatus fromApiName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'status' must be one of planning, running, synthesizing, completed, failed, cancelled");
    }
  }
}
