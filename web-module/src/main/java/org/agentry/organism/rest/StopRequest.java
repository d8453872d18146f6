package org.agentry.organism.rest;

/**
 * Body of {@code POST /api/v1/organism/stop}; {@code {}} takes the default.
 *
 * @param deadlineSeconds how long running tasks may still take, 0 to 3600 seconds (default 30);
 *     after it they are left to the lease sweeper
 */
public record StopRequest(Integer deadlineSeconds) {

  /** The deadline when the body gives none: 30 s. */
  public static final int DEFAULT_DEADLINE_SECONDS = 30;
}
