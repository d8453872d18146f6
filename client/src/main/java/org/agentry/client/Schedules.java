package org.agentry.client;

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

  private final Http http;
  private final SchedulesApi api;

  Schedules(Http http) {
    this.http = http;
    this.api = http.proxies.of(SchedulesApi.class);
  }

  /**
   * A page of schedules.
   *
   * @param agent only this agent's, or null for all
   * @param offset how many to skip, or null
   * @param limit 1–200, or null for the server's 50
   */
  public List<Schedule> list(String agent, Integer offset, Integer limit) {
    return api.list(agent, offset, limit);
  }

  /** One schedule with its next slot. */
  public Schedule get(String id) {
    return api.get(id);
  }

  /** Creates a schedule; 404 {@code AGENT_NOT_FOUND} for an unknown agent. */
  public Schedule create(ScheduleRequest schedule) {
    return api.create(schedule);
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
    return api.replace(id, etag, schedule);
  }

  /** Stops it firing. */
  public Schedule pause(String id) {
    return api.pause(id);
  }

  /** Fires again from the first slot after now. */
  public Schedule resume(String id) {
    return api.resume(id);
  }

  /**
   * Starts the schedule's task at once, refused as a submit would be (e.g. {@code AGENT_PAUSED}).
   */
  public TaskAccepted runNow(String id) {
    return api.runNow(id);
  }

  /**
   * A page of the schedule's runs, latest slot first.
   *
   * @param offset how many to skip, or null
   * @param limit 1–200, or null for the server's 50
   */
  public List<ScheduleRun> runs(String id, Integer offset, Integer limit) {
    return api.runs(id, offset, limit);
  }

  /** Deletes the schedule; its tasks stay. */
  public void delete(String id) {
    api.delete(id).close();
  }
}
