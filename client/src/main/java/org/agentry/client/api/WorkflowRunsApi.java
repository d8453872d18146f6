package org.agentry.client.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/workflow-runs}: reading needs the viewer role, cancelling the operator role.
 * Unknown ids answer 404 {@code WORKFLOW_RUN_NOT_FOUND}.
 */
@Path("v1/workflow-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface WorkflowRunsApi {

  /**
   * A page {@code {items, nextCursor}} of runs, newest first; each filter null for all, {@code
   * status} running, completed, failed or cancelled.
   */
  @GET
  JsonObject list(
      @QueryParam("workflow") String workflow,
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit);

  /** One run with every node reached: path, kind, status, task id, output or error. */
  @GET
  @Path("{id}")
  JsonObject get(@PathParam("id") String id);

  /** The events of the run's step tasks after the event id {@code after}, oldest first. */
  @GET
  @Path("{id}/events")
  java.util.List<JsonObject> events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /**
   * The run's step events as server-sent events ({@code Accept: text/event-stream}), after {@code
   * Last-Event-ID} or {@code after}; a 2xx {@code Response} the caller reads and closes.
   */
  @GET
  @Path("{id}/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  jakarta.ws.rs.core.Response stream(
      @PathParam("id") String id,
      @jakarta.ws.rs.HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after);

  /**
   * Sends {@code {type, payload?}} to a state-machine run (200, the run); 409 {@code
   * WORKFLOW_NOT_WAITING} when its current state waits for no such event.
   */
  @POST
  @Path("{id}/events")
  JsonObject event(@PathParam("id") String id, JsonObject event);

  /** Cancels a running run and its steps' tasks; 409 {@code WORKFLOW_RUN_FINISHED} if it ended. */
  @POST
  @Path("{id}/cancel")
  JsonObject cancel(@PathParam("id") String id);
}
