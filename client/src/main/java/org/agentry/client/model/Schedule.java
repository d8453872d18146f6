package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A schedule as the API shows it.
 *
 * @param intervalSeconds s between slots, or null for a cron schedule
 * @param cron a 5-field UNIX cron expression read in {@code timeZone}, or null
 * @param overlap {@code skip}, {@code allow} or {@code buffer_one}
 * @param nextRunAt the next slot; null once {@code endAt} has passed
 * @param lastTaskId the task of the latest fired run
 */
public record Schedule(
    String id,
    String name,
    String agent,
    Template task,
    Long intervalSeconds,
    String cron,
    String timeZone,
    String overlap,
    boolean paused,
    Instant startAt,
    Instant endAt,
    Instant nextRunAt,
    Instant pendingSlot,
    String lastTaskId,
    Instant createdAt,
    Instant updatedAt) {

  /** The task each slot starts, with the priority as a number 0–9. */
  public record Template(
      String input,
      int priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}
}
