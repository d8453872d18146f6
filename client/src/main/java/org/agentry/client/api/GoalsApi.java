package org.agentry.client.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/goals}: submitting and cancelling need the operator role, reading the viewer role.
 * Goals are returned as JSON objects of the shape the README's Goals section shows.
 */
@Path("v1/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GoalsApi {

  /**
   * Submits a goal: {@code {goal, planner, agents?, priority?, budget?}}; 202 with {@code {goalId,
   * status}} and a {@code Location}. 422 {@code AGENT_NOT_FOUND} for an unknown planner or agent.
   */
  @POST
  Response submit(JsonObject request);

  /**
   * A page of goals, newest first: {@code {items, nextCursor}}.
   *
   * @param status {@code planning}, {@code running}, {@code synthesizing}, {@code completed},
   *     {@code failed} or {@code cancelled}; null for all
   * @param cursor the previous page's {@code nextCursor}
   * @param limit 1–200, null for 50
   */
  @GET
  JsonObject list(
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit);

  /** One goal with its steps (state, task id, output) and its tasks' usage in total. */
  @GET
  @Path("{id}")
  JsonObject get(@PathParam("id") String id);

  /** Cancels the goal and its active tasks; 409 {@code GOAL_FINISHED} once it has ended. */
  @POST
  @Path("{id}/cancel")
  JsonObject cancel(@PathParam("id") String id);

  /** A page of the goal's events, oldest first, after event id {@code after}. */
  @GET
  @Path("{id}/events")
  JsonArray events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /** The raw server-sent-events stream of the goal's events; closes after the goal's end. */
  @GET
  @Path("{id}/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  Response stream(
      @PathParam("id") String id,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after);
}
