package org.agentry.schedule.entity;

import java.util.Locale;

/**
 * What a schedule does with a slot that comes due while the task of its previous run is still
 * active ({@code queued}, {@code running} or {@code waiting}). The names follow Temporal's schedule
 * overlap policies.
 */
public enum OverlapPolicy {
  /** Records the slot as skipped (the default). */
  SKIP,
  /** Fires anyway: runs may overlap. */
  ALLOW,
  /**
   * Remembers one pending slot and fires it as soon as the previous task ends; further slots while
   * one is pending are skipped.
   */
  BUFFER_ONE;

  /** What to do with a slot that came due. */
  public enum Action {
    FIRE,
    BUFFER,
    SKIP
  }

  /**
   * Decides a due slot's fate.
   *
   * @param previousActive whether the task of the previous run is still active
   * @param pendingFree whether no slot is pending already
   */
  public Action onDue(boolean previousActive, boolean pendingFree) {
    if (!previousActive || this == ALLOW) {
      return Action.FIRE;
    }
    return this == BUFFER_ONE && pendingFree ? Action.BUFFER : Action.SKIP;
  }

  /** The lower-case name used in the API, e.g. {@code buffer_one}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API name; null means the default, {@link #SKIP}.
   *
   * @throws IllegalArgumentException if it names no policy
   */
  public static OverlapPolicy fromApiName(String name) {
    if (name == null) {
      return SKIP;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'overlap' must be one of skip, allow, buffer_one");
    }
  }
}
