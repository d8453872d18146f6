package org.agentry.client;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.api.SchedulesApi;
import org.agentry.client.model.Schedule;
import org.agentry.client.model.ScheduleRequest;
import org.agentry.client.model.ScheduleRun;
import org.agentry.client.model.TaskAccepted;
import org.agentry.client.model.Versioned;

/**
 * {@code /api/v1/schedules}. Unknown ids throw {@link AgentryException.NotFound} ({@code
 * SCHEDULE_NOT_FOUND}); a bad cron, zone or window 422 {@code INVALID_SCHEDULE}.
 */
public final class Schedules {

  private static final GenericType<List<Schedule>> LIST = new GenericType<>() {};
  private static final GenericType<List<ScheduleRun>> RUNS = new GenericType<>() {};

  private final Http http;

  Schedules(Http http) {
    this.http = http;
  }

  /**
   * A page of schedules.
   *
   * @param agent only this agent's, or null for all
   * @param offset how many to skip, or null
   * @param limit 1–200, or null for the server's 50
   */
  public List<Schedule> list(String agent, Integer offset, Integer limit) {
    var target = Tasks.param(http.path("schedules"), "agent", agent);
    target = Tasks.param(Tasks.param(target, "offset", offset), "limit", limit);
    return http.get(target, LIST);
  }

  /** One schedule with its next slot. */
  public Schedule get(String id) {
    return http.get(http.path("schedules", id), Schedule.class);
  }

  /** Creates a schedule; 404 {@code AGENT_NOT_FOUND} for an unknown agent. */
  public Schedule create(ScheduleRequest schedule) {
    return http.post(http.path("schedules"), schedule, Schedule.class);
  }

  /** One schedule with its ETag (a schedule's body carries no version). */
  public Versioned<Schedule> getVersioned(String id) {
    var request = http.path("schedules", id).request(MediaType.APPLICATION_JSON_TYPE);
    try (var response = http.call(request, "GET", null)) {
      return new Versioned<>(
          response.readEntity(Schedule.class), response.getHeaderString(HttpHeaders.ETAG));
    }
  }

  /**
   * Replaces a schedule if it is still at {@code etag} ({@link #getVersioned}); 412 {@code
   * PRECONDITION_FAILED} when it changed since.
   */
  public Schedule replace(String id, ScheduleRequest schedule, String etag) {
    return http.proxies.of(SchedulesApi.class).replace(id, etag, schedule);
  }

  /** Stops it firing. */
  public Schedule pause(String id) {
    return http.post(http.path("schedules", id, "pause"), null, Schedule.class);
  }

  /** Fires again from the first slot after now. */
  public Schedule resume(String id) {
    return http.post(http.path("schedules", id, "resume"), null, Schedule.class);
  }

  /**
   * Starts the schedule's task at once, refused as a submit would be (e.g. {@code AGENT_PAUSED}).
   */
  public TaskAccepted runNow(String id) {
    return http.post(http.path("schedules", id, "run-now"), null, TaskAccepted.class);
  }

  /**
   * A page of the schedule's runs, latest slot first.
   *
   * @param offset how many to skip, or null
   * @param limit 1–200, or null for the server's 50
   */
  public List<ScheduleRun> runs(String id, Integer offset, Integer limit) {
    var target = Tasks.param(http.path("schedules", id, "runs"), "offset", offset);
    return http.get(Tasks.param(target, "limit", limit), RUNS);
  }

  /** Deletes the schedule; its tasks stay. */
  public void delete(String id) {
    http.delete(http.path("schedules", id));
  }
}
