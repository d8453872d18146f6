package org.agentry.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.KeysetCursor;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.task.rest.EventResponse;
import org.agentry.task.rest.EventStreams;
import org.agentry.workflow.boundary.WorkflowRuns;
import org.agentry.workflow.entity.WorkflowStatus;

/**
 * {@code /api/v1/workflow-runs}: viewers read runs and their nodes; operators cancel them. Unknown
 * ids get 404 {@code WORKFLOW_RUN_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/workflow-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class WorkflowRunsResource {

  /** A page of runs, newest first, without their nodes; {@code nextCursor} absent on the last. */
  public record RunPage(List<RunResponse> items, String nextCursor) {}

  private static final java.util.regex.Pattern TYPE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  @Inject WorkflowRuns runs;
  @Inject EventStreams streams;

  /** Runs matching the filters; pass {@code nextCursor} as {@code cursor} for the next page. */
  @GET
  public RunPage list(
      @QueryParam("workflow") String workflow,
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    int size = Paging.limit(limit);
    var position = KeysetCursor.parse(cursor);
    var after =
        position == null ? null : new WorkflowRuns.Cursor(position.createdAt(), position.id());
    var page = runs.list(workflow, status(status), after, size);
    var items = page.stream().map(r -> RunResponse.of(r, null, null)).toList();
    var last = page.isEmpty() ? null : page.get(page.size() - 1);
    var next =
        page.size() == size ? new KeysetCursor(last.getCreatedAt(), last.getId()).encode() : null;
    return new RunPage(items, next);
  }

  /** One run with every node reached: its state, task, output or error. */
  @GET
  @Path("{id}")
  public RunResponse get(@PathParam("id") String id) {
    return RunResponse.of(runs.get(id));
  }

  /**
   * The events of the run's step tasks and its own ({@code status} at its end, under the run's id)
   * after the id {@code after} (default 0), oldest first, as {@code GET /api/v1/tasks/{id}/events}
   * shows each task's.
   */
  @GET
  @Path("{id}/events")
  public List<EventResponse> events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    return runs.events(id, Paging.after(after), Paging.limit(limit)).stream()
        .map(EventResponse::of)
        .toList();
  }

  /**
   * The events of the run's step tasks and its own as server-sent events (needs {@code Accept:
   * text/event-stream}): stored ones after {@code Last-Event-ID} or {@code ?after=} (default: all),
   * then new ones, including those of steps started later; closes after the last event of a run
   * that ended, once its steps' tasks ended too (see {@code WorkflowRuns#streamEndsAfter}).
   */
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
    runs.get(id);
    streams.group(
        task -> task.equals(id) || runs.isStep(id, task),
        (last, limit) -> runs.events(id, last, limit),
        eventId -> runs.streamEndsAfter(id, eventId),
        lastEventId,
        after,
        headers,
        security,
        sink,
        sse);
  }

  /**
   * Body of {@code POST …/events}.
   *
   * @param type 1 to 64 of letters, digits, {@code _ . -}
   * @param payload any JSON: the next state's input (a string as its text, anything else as its
   *     JSON); absent: the type
   */
  public record EventRequest(String type, JsonValue payload) {}

  /**
   * Sends an event to a state-machine run: its current state must wait for the type (else 409
   * {@code WORKFLOW_NOT_WAITING}); the run takes the transition → 200 with the run.
   */
  @POST
  @Path("{id}/events")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public RunResponse event(@PathParam("id") String id, EventRequest request) {
    if (request == null || request.type() == null || !TYPE.matcher(request.type()).matches()) {
      throw ApiException.validation("'type' is required: 1 to 64 of letters, digits, _ . -");
    }
    var payload = request.payload();
    String text;
    if (payload == null || payload.getValueType() == JsonValue.ValueType.NULL) {
      text = request.type();
    } else {
      text = payload instanceof JsonString s ? s.getString() : payload.toString();
    }
    if (text.isBlank() || text.length() > 100_000) {
      throw ApiException.validation("'payload' must not be blank, at most 100000 characters");
    }
    return RunResponse.of(runs.event(id, request.type(), text));
  }

  /** Cancels the run and its active steps' tasks; 409 {@code WORKFLOW_RUN_FINISHED} if it ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  public RunResponse cancel(@PathParam("id") String id) {
    return RunResponse.of(runs.cancel(id));
  }

  private static WorkflowStatus status(String status) {
    try {
      return status == null ? null : WorkflowStatus.fromApiName(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}
