package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.client.model.Schedule;
import org.agentry.client.model.ScheduleRequest;
import org.agentry.client.model.ScheduleRun;
import org.agentry.client.model.TaskAccepted;

/**
 * {@code /api/v1/schedules}: reading needs the viewer role, changing the operator role. Unknown ids
 * answer 404 {@code SCHEDULE_NOT_FOUND}; a bad cron, zone or window 422 {@code INVALID_SCHEDULE}.
 */
@Path("v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SchedulesApi {

  /** An offset page of schedules; {@code agent} null for all. */
  @GET
  List<Schedule> list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);

  /**
   * The next {@code count} (1–20, null: 5) fire times of a cron expression in {@code zone} (null:
   * UTC). 400 {@code VALIDATION_FAILED} without {@code cron}; 422 {@code INVALID_SCHEDULE} for an
   * expression or zone a schedule would refuse.
   */
  @GET
  @Path("preview")
  org.agentry.client.model.CronPreview preview(
      @QueryParam("cron") String cron,
      @QueryParam("zone") String zone,
      @QueryParam("count") Integer count);

  /**
   * When the active schedules (all, or {@code agent}'s) fire in [{@code from}, {@code to})
   * (ISO-8601 instants; null: now and 24 h later; at most 31 days), at most {@code limit} fires
   * (1–1000, null: 500). 400 {@code VALIDATION_FAILED} for a bad range or limit.
   */
  @GET
  @Path("upcoming")
  org.agentry.client.model.UpcomingFires upcoming(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @QueryParam("agent") String agent);

  /** One schedule with its next slot (its ETag comes as a header). */
  @GET
  @Path("{id}")
  Schedule get(@PathParam("id") String id);

  /** Creates a schedule (201). */
  @POST
  Schedule create(ScheduleRequest schedule);

  /** Replaces a schedule if it is still at the version {@code ifMatch} names ({@code "\"3\""}). */
  @PUT
  @Path("{id}")
  Schedule replace(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ScheduleRequest schedule);

  /** Deletes the schedule (204); its tasks stay. */
  @DELETE
  @Path("{id}")
  Response delete(@PathParam("id") String id);

  /** Stops it firing. */
  @POST
  @Path("{id}/pause")
  Schedule pause(@PathParam("id") String id);

  /** Fires again from the first slot after now. */
  @POST
  @Path("{id}/resume")
  Schedule resume(@PathParam("id") String id);

  /** Starts the schedule's task at once (202). */
  @POST
  @Path("{id}/run-now")
  TaskAccepted runNow(@PathParam("id") String id);

  /** An offset page of the schedule's runs, latest slot first. */
  @GET
  @Path("{id}/runs")
  List<ScheduleRun> runs(
      @PathParam("id") String id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);
}
