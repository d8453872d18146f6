package org.agentry.schedule.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Paging;
import org.agentry.platform.rest.Versions;
import org.agentry.schedule.boundary.ScheduleSlots;
import org.agentry.schedule.boundary.Schedules;
import org.agentry.schedule.entity.Schedule;
import org.agentry.security.entity.Role;
import org.agentry.task.rest.AgentTasksResource;

/**
 * {@code /api/v1/schedules}: viewers read schedules and their runs; operators create, replace (with
 * {@code If-Match}), delete, pause, resume and run them now. Unknown ids get 404 {@code
 * SCHEDULE_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SchedulesResource {

  @Inject Schedules schedules;
  @Inject ScheduleSlots slots;

  /** Schedules, oldest first: {@code ?agent=&offset=&limit=}. */
  @GET
  public List<ScheduleResponse> list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return schedules.list(agent, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(ScheduleResponse::of)
        .toList();
  }

  /**
   * The next fire times of a cron expression: {@code ?cron=&zone=&count=} → {@link CronPreview}
   * (count 1–20, default 5; zone default UTC). Nothing is stored. 400 {@code VALIDATION_FAILED}
   * without {@code cron}; 422 {@code INVALID_SCHEDULE} for an expression or zone a schedule would
   * refuse.
   */
  @GET
  @Path("preview")
  public CronPreview preview(
      @QueryParam("cron") String cron,
      @QueryParam("zone") String zone,
      @QueryParam("count") Integer count) {
    return CronPreview.of(cron, zone, count, Instant.now());
  }

  /**
   * When the active schedules (all, or one agent's) fire in a range: {@code
   * ?from=&to=&limit=&agent=} → {@link UpcomingResponse} (ISO-8601 instants; from defaults to now,
   * to to from + 24 h; at most 31 days; limit 1–1000, default 500). Paused schedules are left out.
   * 400 {@code VALIDATION_FAILED} for a bad range or limit.
   */
  @GET
  @Path("upcoming")
  public UpcomingResponse upcoming(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @QueryParam("agent") String agent) {
    var range = UpcomingResponse.Range.of(from, to, limit, Instant.now());
    var fires = schedules.upcoming(agent, range.from(), range.to(), range.limit());
    return UpcomingResponse.of(range, fires);
  }

  /** One schedule, with its ETag. */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return withEtag(Response.ok(), schedules.get(id));
  }

  /** Creates a schedule → 201 with {@code Location} and {@code ETag}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response create(ScheduleRequest request, @Context UriInfo uri) {
    var schedule = schedules.create(required(request).toSpec());
    var location = uri.getAbsolutePathBuilder().path(schedule.getId()).build();
    return withEtag(Response.created(location), schedule);
  }

  /** Replaces a schedule; needs {@code If-Match} (428 without, 412 when it changed since). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ScheduleRequest request) {
    var version = Versions.required(ifMatch);
    var spec = required(request).toSpec();
    return withEtag(Response.ok(), schedules.replace(id, version, spec));
  }

  /** Deletes a schedule and its runs → 204; the tasks it created stay. */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response delete(@PathParam("id") String id) {
    schedules.delete(id);
    return Response.noContent().build();
  }

  /** Stops the schedule firing. */
  @POST
  @Path("{id}/pause")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response pause(@PathParam("id") String id) {
    return withEtag(Response.ok(), schedules.pause(id));
  }

  /** Fires again from the first slot after now. */
  @POST
  @Path("{id}/resume")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response resume(@PathParam("id") String id) {
    return withEtag(Response.ok(), schedules.resume(id));
  }

  /**
   * Starts the schedule's task at once → 202 {@code {taskId, status}} with the task's {@code
   * Location}; refused as a task submit would be (e.g. 409 {@code AGENT_PAUSED}).
   */
  @POST
  @Path("{id}/run-now")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response runNow(@PathParam("id") String id, @Context UriInfo uri) {
    var task = slots.runNow(id);
    var location = uri.getBaseUriBuilder().path("v1/tasks").path(task.getId()).build();
    var accepted = new AgentTasksResource.Accepted(task.getId(), task.getStatus().apiName());
    return Response.accepted(accepted).location(location).build();
  }

  /** The schedule's runs, latest slot first: {@code ?offset=&limit=}. */
  @GET
  @Path("{id}/runs")
  public List<ScheduleRunResponse> runs(
      @PathParam("id") String id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return schedules.runs(id, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(ScheduleRunResponse::of)
        .toList();
  }

  private static ScheduleRequest required(ScheduleRequest request) {
    if (request == null) {
      throw ApiException.validation("A JSON body describing the schedule is required.");
    }
    return request;
  }

  private static Response withEtag(Response.ResponseBuilder builder, Schedule schedule) {
    return builder
        .tag(Versions.etag(schedule.getVersion()))
        .entity(ScheduleResponse.of(schedule))
        .build();
  }
}
