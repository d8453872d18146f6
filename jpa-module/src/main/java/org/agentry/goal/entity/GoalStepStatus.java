package org.agentry.goal.entity;

import java.util.Locale;

/**
 * A step's state: {@code pending} (waiting for its dependencies) {@code → running → completed |
 * failed}; {@code replaced} when a re-plan dropped it, {@code cancelled} when the goal ended,
 * before it completed.
 */
public enum GoalStepStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  REPLACED,
  CANCELLED;

  /** The lower-case name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
