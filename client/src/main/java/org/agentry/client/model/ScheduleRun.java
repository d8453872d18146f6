package org.agentry.client.model;

import java.time.Instant;

/**
 * One slot of a schedule, {@code GET /api/v1/schedules/{id}/runs}, latest first.
 *
 * @param outcome {@code fired}, {@code skipped} or {@code failed}
 * @param slotCount how many slots this run stands for (missed slots are counted, not fired)
 * @param taskStatus the status of the task it started, or null
 * @param error for {@code failed}: the task API's problem code and message
 */
public record ScheduleRun(
    String id,
    Instant slot,
    String outcome,
    String reason,
    long slotCount,
    String taskId,
    String taskStatus,
    Task.Error error,
    Instant createdAt) {}
