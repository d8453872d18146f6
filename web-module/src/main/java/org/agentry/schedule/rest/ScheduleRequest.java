package org.agentry.schedule.rest;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.schedule.entity.OverlapPolicy;
import org.agentry.schedule.entity.ScheduleSpec;
import org.agentry.task.rest.CreateTaskRequest;

/**
 * Body of {@code POST /api/v1/schedules} and {@code PUT /api/v1/schedules/{id}}. Unknown fields are
 * refused (400).
 *
 * @param name a label, 1–255 characters
 * @param agent the agent's name (404 {@code AGENT_NOT_FOUND} if unknown)
 * @param task the task each slot hands the agent
 * @param intervalSeconds seconds between slots (1 to 315360000); not with cron
 * @param cron a UNIX cron expression, 5 fields (minute hour day-of-month month day-of-week), e.g.
 *     {@code 0 9 * * 1-5}; not with intervalSeconds
 * @param timeZone IANA zone the cron expression is read in, e.g. {@code Europe/Berlin}; default
 *     {@code UTC}
 * @param overlap {@code skip} (default), {@code allow} or {@code buffer_one}
 * @param paused create paused; on PUT, absent keeps the current state
 * @param startAt ISO-8601 instant before which no slot fires, e.g. {@code 2026-02-01T00:00:00Z}
 * @param endAt ISO-8601 instant after which no slot fires
 */
public record ScheduleRequest(
    String name,
    String agent,
    TaskTemplate task,
    Long intervalSeconds,
    String cron,
    String timeZone,
    String overlap,
    Boolean paused,
    String startAt,
    String endAt) {

  /**
   * The task template: the fields of {@code POST /api/v1/agents/{name}/tasks} that fit a recurring
   * task. Each run's task also gets the tag {@code schedule:<id>}.
   *
   * @param priority 0–9 (default 4), or {@code "high"}, {@code "normal"}, {@code "low"}
   * @param tags at most 19
   */
  public record TaskTemplate(
      String input,
      JsonValue priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}

  /**
   * The schedule's definition.
   *
   * @throws ApiException 400 for a missing task or an unknown overlap policy; 422 {@code
   *     INVALID_SCHEDULE} for a start or end that is not an ISO-8601 instant
   * @throws org.agentry.platform.entity.InvalidInputException for other rule breaks
   */
  ScheduleSpec toSpec() {
    if (task == null) {
      throw ApiException.validation("'task' with 'input' is required.");
    }
    var taskSpec =
        new CreateTaskRequest(
                task.input(),
                task.priority(),
                task.tags(),
                null,
                task.maxIterations(),
                task.maxDurationSeconds(),
                task.tokenBudget(),
                null,
                null,
                null,
                null)
            .toSpec(Instant.now());
    return new ScheduleSpec(
        name,
        agent,
        taskSpec,
        intervalSeconds,
        cron,
        timeZone,
        overlapPolicy(),
        paused,
        instant(startAt, "startAt"),
        instant(endAt, "endAt"));
  }

  private OverlapPolicy overlapPolicy() {
    try {
      return OverlapPolicy.fromApiName(overlap);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }

  private static Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    var instant = Instants.parseOrNull(text);
    if (instant == null) {
      throw InvalidScheduleMapper.invalid(
          "'" + field + "' must be an ISO-8601 instant like 2026-01-31T09:00:00Z, years 1 to 9999");
    }
    return instant;
  }
}
