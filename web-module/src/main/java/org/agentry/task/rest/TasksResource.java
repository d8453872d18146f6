package org.agentry.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.agentry.dispatch.control.TaskRunner;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Instants;
import org.agentry.platform.rest.Paging;
import org.agentry.platform.rest.Problem;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.TaskFilter;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.TaskStatus;

/**
 * {@code /api/v1/tasks}: viewers read tasks, their events and context; operators cancel, answer and
 * delete them. Unknown ids get 404 {@code TASK_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class TasksResource {

  /** A page of tasks, newest first; {@code nextCursor} is absent on the last page. */
  public record TaskPage(List<TaskResponse> items, String nextCursor) {}

  /** Body of {@code POST …/respond}. */
  public record Answer(String message) {}

  @Inject Tasks tasks;
  @Inject TaskQueries queries;
  @Inject TaskRunner runner;
  @Inject EventStreams streams;

  /**
   * Tasks matching the filters, by creation time: {@code order=desc} (the default, newest first) or
   * {@code asc} (oldest first); pass {@code nextCursor} as {@code cursor} for the next page, with
   * the same order. 400 {@code VALIDATION_FAILED} for another order.
   */
  @GET
  public TaskPage list(
      @QueryParam("agent") String agent,
      @QueryParam("status") String status,
      @QueryParam("priority") Integer priority,
      @QueryParam("tag") String tag,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit,
      @QueryParam("order") String order,
      @QueryParam("parentTaskId") String parentTaskId) {
    var filter =
        new TaskFilter(
            agent,
            status(status),
            priority,
            tag,
            Instants.parse(createdFrom, "createdFrom"),
            Instants.parse(createdTo, "createdTo"),
            parentTaskId);
    int size = Paging.limit(limit);
    var page = queries.list(filter, Cursors.parse(cursor), size, oldestFirst(order));
    var items = page.stream().map(t -> TaskResponse.of(t, null)).toList();
    var next = page.size() == size ? Cursors.of(page.get(page.size() - 1)) : null;
    return new TaskPage(items, next);
  }

  /** One task with its output or error, stop reason, attempts, usage totals and timestamps. */
  @GET
  @Path("{id}")
  public TaskResponse get(@PathParam("id") String id) {
    return TaskResponse.of(tasks.get(id), queries.usage(id));
  }

  /**
   * A page of the messages of the task's last model call: {@code {systemPrompt, messages,
   * nextAfter}}, {@code ?after=0&limit=50} (limit 1 to 200); pass {@code nextAfter} as {@code
   * after} for the next page.
   */
  @GET
  @Path("{id}/context")
  public ContextResponse context(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    long from = Paging.after(after);
    int size = Paging.limit(limit);
    var context = queries.context(tasks.get(id), from, size);
    return ContextResponse.of(context, size);
  }

  /** The task's events after the id {@code after} (default 0), oldest first. */
  @GET
  @Path("{id}/events")
  public List<EventResponse> events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    tasks.get(id);
    return queries.events(id, Paging.after(after), Paging.limit(limit)).stream()
        .map(EventResponse::of)
        .toList();
  }

  /** The task's events as server-sent events; see {@link EventStreams}. */
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
    streams.task(id, lastEventId, after, headers, security, sink, sse);
  }

  /** Cancels the task; 409 {@code TASK_FINISHED} if it has ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  public TaskResponse cancel(@PathParam("id") String id) {
    var task = tasks.cancel(id);
    runner.stop(id);
    return TaskResponse.of(task, null);
  }

  /** Answers a waiting task's question; 400 {@code TASK_NOT_WAITING} otherwise. */
  @POST
  @Path("{id}/respond")
  @RolesAllowed(Role.OPERATOR_NAME)
  public TaskResponse respond(@PathParam("id") String id, Answer answer) {
    if (answer == null || answer.message() == null || answer.message().isBlank()) {
      throw ApiException.validation("'message' is required.");
    }
    try {
      var task = tasks.respond(id, answer.message());
      return TaskResponse.of(task, null);
    } catch (StateConflictException e) {
      throw new ApiException(new Problem(400, e.code(), "Bad request", e.getMessage()));
    }
  }

  /** Deletes the task; 409 {@code TASK_ACTIVE} for an active one unless {@code ?force=true}. */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response delete(
      @PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
    tasks.delete(id, force);
    runner.stop(id);
    return Response.noContent().build();
  }

  private static boolean oldestFirst(String order) {
    if (order == null || order.equals("desc")) {
      return false;
    }
    if (order.equals("asc")) {
      return true;
    }
    throw ApiException.validation("'order' must be asc (oldest first) or desc (newest first).");
  }

  private static TaskStatus status(String status) {
    try {
      return status == null ? null : TaskStatus.fromApiName(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}
