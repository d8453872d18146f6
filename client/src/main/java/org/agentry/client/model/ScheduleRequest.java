package org.agentry.client.model;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * Body of {@code POST /api/v1/schedules}; null members are left out. Give {@code intervalSeconds}
 * or {@code cron}, not both (422 {@code INVALID_SCHEDULE}).
 *
 * @param intervalSeconds s between slots, 1 to 315,360,000
 * @param cron 5 fields, e.g. {@code 0 9 * * 1-5}
 * @param timeZone IANA zone for cron, default {@code UTC}
 * @param overlap {@code skip} (default), {@code allow} or {@code buffer_one}
 * @param startAt ISO-8601 instant
 * @param endAt ISO-8601 instant
 */
public record ScheduleRequest(
    String name,
    String agent,
    Template task,
    Long intervalSeconds,
    String cron,
    String timeZone,
    String overlap,
    Boolean paused,
    String startAt,
    String endAt) {

  /** The task template; {@code priority} as in {@link TaskRequest#priority(String)}. */
  public record Template(
      String input,
      JsonValue priority,
      List<String> tags,
      Integer maxIterations,
      Integer maxDurationSeconds,
      Long tokenBudget) {}

  /** A schedule that starts a task with this input every {@code seconds} seconds. */
  public static ScheduleRequest every(String name, String agent, String input, long seconds) {
    return new ScheduleRequest(
        name,
        agent,
        new Template(input, null, null, null, null, null),
        seconds,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
