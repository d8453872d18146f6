package org.agentry.schedule.rest;

import java.time.Instant;
import java.util.List;
import org.agentry.schedule.entity.Schedule;

/**
 * A schedule as the API shows it. Null members are left out.
 *
 * @param overlap {@code skip}, {@code allow} or {@code buffer_one}
 * @param nextRunAt the next slot; absent once {@code endAt} has passed
 * @param pendingSlot a slot buffered by {@code buffer_one}, fired when the last task ends
 * @param lastTaskId the task of the latest fired run
 */
public record ScheduleResponse(
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

  /** The task template, with the priority as a number 0–9. */
  public record Template(
      String input,
      int priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}

  static ScheduleResponse of(Schedule schedule) {
    var spec = schedule.spec();
    var task = spec.task();
    return new ScheduleResponse(
        schedule.getId(),
        spec.name(),
        spec.agent(),
        new Template(
            task.input(),
            task.priority(),
            task.tags(),
            task.maxIterations(),
            task.maxDurationSeconds(),
            task.tokenBudget()),
        spec.intervalSeconds(),
        spec.cron(),
        spec.timeZone(),
        spec.overlap().apiName(),
        schedule.isPaused(),
        spec.startAt(),
        spec.endAt(),
        schedule.getNextRunAt(),
        schedule.getPendingSlot(),
        schedule.getLastTaskId(),
        schedule.getCreatedAt(),
        schedule.getUpdatedAt());
  }
}
