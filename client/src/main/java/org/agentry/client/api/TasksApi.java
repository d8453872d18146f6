package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskContext;
import org.agentry.client.model.TaskEvent;
import org.agentry.client.model.TaskPage;

/**
 * {@code /api/v1/tasks}: reading needs the viewer role, cancelling, answering and deleting the
 * operator role. Unknown ids answer 404 {@code TASK_NOT_FOUND}. {@link org.agentry.client.Tasks}
 * adds paging, waiting and event streams on top.
 */
@Path("v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TasksApi {

  /**
   * A page of tasks by creation time; every filter null for all.
   *
   * @param status {@code queued}, {@code running}, {@code waiting}, {@code completed}, {@code
   *     failed} or {@code cancelled}
   * @param priority 0–9
   * @param createdFrom an ISO-8601 instant, inclusive
   * @param cursor the previous page's {@code nextCursor}
   * @param limit 1–200, null for 50
   * @param order {@code desc} (newest first, also for null) or {@code asc} (oldest first); the next
   *     pages need the same order
   */
  @GET
  TaskPage list(
      @QueryParam("agent") String agent,
      @QueryParam("status") String status,
      @QueryParam("priority") Integer priority,
      @QueryParam("tag") String tag,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit,
      @QueryParam("order") String order,
      @QueryParam("parentTaskId") String parentTaskId);

  /** One task with its output or error, stop reason and usage. */
  @GET
  @Path("{id}")
  Task get(@PathParam("id") String id);

  /**
   * What the task's model sees: its system prompt and a page of the session's messages.
   *
   * @param after the last message id seen, null for the first page
   */
  @GET
  @Path("{id}/context")
  TaskContext context(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /** A page of the task's stored events, oldest first, after event id {@code after}. */
  @GET
  @Path("{id}/events")
  List<TaskEvent> events(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /**
   * The raw server-sent-events stream of the task's events (close the response when done); {@link
   * org.agentry.client.Tasks#follow} reads and resumes it for you.
   */
  @GET
  @Path("{id}/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  Response stream(
      @PathParam("id") String id,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after);

  /** Cancels the task; 409 {@code TASK_FINISHED} once it has ended. */
  @POST
  @Path("{id}/cancel")
  Task cancel(@PathParam("id") String id);

  /**
   * Answers a waiting task's question: {@code {"message": "..."}}; 409 {@code TASK_NOT_WAITING}
   * otherwise.
   */
  @POST
  @Path("{id}/respond")
  Task respond(@PathParam("id") String id, Map<String, String> answer);

  /** Deletes the task (204); 409 {@code TASK_ACTIVE} for an active one unless {@code force}. */
  @DELETE
  @Path("{id}")
  Response delete(
      @PathParam("id") String id, @QueryParam("force") @DefaultValue("false") Boolean force);
}
