package org.agentry.schedule.rest;

import java.time.Instant;
import java.util.Locale;
import org.agentry.schedule.boundary.Schedules;

/**
 * One run of a schedule. Null members are left out.
 *
 * @param slot the slot's instant; for {@code manual} runs the moment of the request, for {@code
 *     missed} the first missed slot
 * @param outcome {@code fired}, {@code skipped} or {@code failed}
 * @param reason {@code schedule}, {@code manual} or {@code buffered} (what fired it); {@code
 *     overlap} or {@code missed} (why it was skipped)
 * @param slotCount how many slots the run stands for: 1, or for {@code missed} the slots coalesced
 *     from {@code slot} on at the schedule's rhythm (cron: counted up to 10000)
 * @param taskStatus the task's status now; absent if it was deleted
 * @param error why the task was refused, e.g. {@code AGENT_PAUSED}
 */
public record ScheduleRunResponse(
    String id,
    Instant slot,
    String outcome,
    String reason,
    long slotCount,
    String taskId,
    String taskStatus,
    Error error,
    Instant createdAt) {

  /** A refusal: the task API's problem code and message. */
  public record Error(String code, String message) {}

  static ScheduleRunResponse of(Schedules.RunView view) {
    var run = view.run();
    return new ScheduleRunResponse(
        run.getId(),
        run.getSlot(),
        run.getOutcome().name().toLowerCase(Locale.ROOT),
        run.getReason().apiName(),
        run.getSlotCount(),
        run.getTaskId(),
        view.taskStatus() == null ? null : view.taskStatus().apiName(),
        run.getErrorCode() == null ? null : new Error(run.getErrorCode(), run.getErrorMessage()),
        run.getCreatedAt());
  }
}
