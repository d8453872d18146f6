package org.agentry.session.entity;

/** Whether a session still takes turns. */
public enum SessionStatus {
  ACTIVE,
  /** Killed by an operator: no further turns. */
  KILLED
}
