package org.agentry.schedule.entity;

import java.time.Instant;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.task.entity.TaskSpec;

/**
 * What a schedule is: a name, the agent, the task it hands that agent on every slot, and the
 * timing. The timing fields are only stored here; whether they make a rhythm (a valid cron
 * expression, a known time zone, a window that ends after it starts) is checked by {@code
 * org.agentry.schedule.control.Recurrence}.
 *
 * @param name a label, 1–255 characters; need not be unique
 * @param agent the agent's name
 * @param task the task template: input, priority, at most {@value #MAX_TAGS} tags, limits; no
 *     session, parent or start time
 * @param intervalSeconds seconds between slots, or null with a cron expression
 * @param cron a UNIX cron expression (5 fields), or null with an interval
 * @param timeZone the IANA zone the cron expression is read in; null means {@code UTC}
 * @param overlap what a slot does while the previous run's task is active; null means {@link
 *     OverlapPolicy#SKIP}
 * @param paused whether it stops firing; null means "as it is" (false for a new schedule)
 * @param startAt the first instant a slot may fire at, or null
 * @param endAt the last instant a slot may fire at, or null
 * @throws InvalidInputException naming the field that breaks a rule
 */
public record ScheduleSpec(
    String name,
    String agent,
    TaskSpec task,
    Long intervalSeconds,
    String cron,
    String timeZone,
    OverlapPolicy overlap,
    Boolean paused,
    Instant startAt,
    Instant endAt) {

  /** Tags a template may carry: one fewer than a task, as every run adds {@code schedule:<id>}. */
  public static final int MAX_TAGS = 19;

  public ScheduleSpec {
    InvalidInputException.check(
        name != null && !name.isBlank() && name.length() <= 255,
        "'name' is required, at most 255 characters");
    InvalidInputException.check(agent != null && !agent.isBlank(), "'agent' is required");
    InvalidInputException.check(task != null, "'task' is required");
    InvalidInputException.check(
        task.sessionId() == null && task.parentTaskId() == null && task.notBefore() == null,
        "'task' of a schedule takes no session, parent or start time");
    InvalidInputException.check(
        task.tags().size() <= MAX_TAGS, "'task.tags' may hold at most " + MAX_TAGS + " tags");
    timeZone = timeZone == null ? "UTC" : timeZone;
    overlap = overlap == null ? OverlapPolicy.SKIP : overlap;
  }
}
