package org.agentry.goal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.agentry.goal.boundary.Goals;
import org.agentry.goal.entity.GoalStatus;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.KeysetCursor;
import org.agentry.platform.rest.Paging;
import org.agentry.platform.rest.Problem;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.rest.EventResponse;
import org.agentry.task.rest.EventStreams;

/**
 * {@code /api/v1/goals}: operators submit and cancel goals, viewers read them, their events and
 * their stream. Unknown ids get 404 {@code GOAL_NOT_FOUND}; an unknown planner or agent in a new
 * goal 422 {@code AGENT_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/goals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class GoalsResource {

  /** A page of goals, newest first; {@code nextCursor} is absent on the last page. */
  public record GoalPage(List<GoalResponse> items, String nextCursor) {}

  /** The answer to a submit. */
  public record Accepted(String goalId, String status) {}

  private static final int DEFAULT_PRIORITY = 4;

  @Inject Goals goals;
  @Inject TaskQueries queries;
  @Inject EventStreams streams;

  /**
   * Submits a goal: 202 with its id and a {@code Location}. 400 {@code VALIDATION_FAILED} for a bad
   * field, 422 {@code AGENT_NOT_FOUND} for an unknown planner or agent, 409 {@code AGENT_PAUSED} or
   * {@code AGENT_DISABLED} for a planner that takes no work.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response submit(CreateGoalRequest request, @Context UriInfo uri) {
    if (request == null || request.goal() == null || request.planner() == null) {
      throw ApiException.validation("A JSON body with 'goal' and 'planner' is required.");
    }
    int priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority();
    try {
      var goal =
          goals.submit(
              request.goal(), request.planner(), request.agents(), priority, request.budget());
      var location = uri.getBaseUriBuilder().path("v1/goals").path(goal.getId()).build();
      return Response.accepted(new Accepted(goal.getId(), goal.getStatus().apiName()))
          .location(location)
          .build();
    } catch (UnknownResourceException e) {
      throw new ApiException(new Problem(422, e.code(), "Unknown agent", e.getMessage()));
    }
  }

  /** Goals, newest first, optionally of one status; pass {@code nextCursor} as {@code cursor}. */
  @GET
  public GoalPage list(
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    int size = Paging.limit(limit);
    var position = KeysetCursor.parse(cursor);
    var page =
        goals.list(
            status(status),
            position == null ? null : new Goals.Cursor(position.createdAt(), position.id()),
            size);
    var items = page.stream().map(g -> GoalResponse.of(g, null, null)).toList();
    var last = page.isEmpty() ? null : page.get(page.size() - 1);
    var next =
        page.size() == size ? new KeysetCursor(last.getCreatedAt(), last.getId()).encode() : null;
    return new GoalPage(items, next);
  }

  /** The goal with every step's state, task and output, and its tasks' usage in total. */
  @GET
  @Path("{id}")
  public GoalResponse get(@PathParam("id") String id) {
    return GoalResponse.of(goals.get(id));
  }

  /** Cancels the goal and its active tasks; 409 {@code GOAL_FINISHED} if it has ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  public GoalResponse cancel(@PathParam("id") String id) {
    goals.cancel(id);
    return GoalResponse.of(goals.get(id));
  }

  /** The goal's events after the id {@code after} (default 0), oldest first. */
  @GET
  @Path("{id}/events")
  public List<EventResponse> events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    goals.find(id);
    return queries.events(id, Paging.after(after), Paging.limit(limit)).stream()
        .map(EventResponse::of)
        .toList();
  }

  /** The goal's events as server-sent events, closing after its end; as a task's stream. */
  @GET
  @Path("{id}/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @PathParam("id") String id,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after,
      @Context HttpHeaders headers,
      @Context SecurityContext security,
      @Context SseEventSink sink,
      @Context Sse sse) {
    EventStreams.requireEventStream(headers);
    var ended = goals.find(id).getStatus().isTerminal();
    streams.one(id, ended, lastEventId, after, security, sink, sse);
  }

  private static GoalStatus status(String status) {
    try {
      return status == null ? null : GoalStatus.fromApiName(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}
