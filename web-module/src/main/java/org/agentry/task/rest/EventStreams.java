package org.agentry.task.rest;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.TaskEvent;

/**
 * Server-sent events (HTML Living Standard, "Server-sent events"): {@code GET
 * /api/v1/tasks/{id}/stream} for one task and {@code GET /api/v1/stream?agent=} for all. Each event
 * carries {@code id:} (the event id) and {@code event:} (its type) and a JSON object as {@code
 * data:}. A stream first replays the events after {@code Last-Event-ID} (or {@code ?after=}), then
 * sends new ones as they are stored (polled every 250 ms, so every node sees every event), a {@code
 * : keepalive} comment every 15 s, and — for one task — closes after the task's terminal status
 * event. Without {@code Accept: text/event-stream} the answer is 406.
 */
@ApplicationScoped
@Path("v1/stream")
@RolesAllowed(Role.VIEWER_NAME)
public class EventStreams {

  private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  @Inject Tasks tasks;
  @Inject TaskQueries queries;

  @Resource ManagedExecutorService executor;

  /** One task's events; closes after its terminal status ({@code TasksResource} routes here). */
  void task(
      String id, String lastEventId, Long after, HttpHeaders headers, SseEventSink sink, Sse sse) {
    requireEventStream(headers);
    var task = tasks.get(id);
    long from = start(lastEventId, after);
    boolean ended = task.getStatus().isTerminal();
    executor.submit(
        new EventPump(sink, sse, last -> queries.events(id, last, 100), from, true, ended));
  }

  /** Every task's events, optionally of one agent; never closes by itself. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void all(
      @QueryParam("agent") String agent,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after,
      @Context HttpHeaders headers,
      @Context SseEventSink sink,
      @Context Sse sse) {
    requireEventStream(headers);
    long from = start(lastEventId, after);
    LongFunction<List<TaskEvent>> source = last -> queries.allEvents(agent, last, 100);
    executor.submit(new EventPump(sink, sse, source, from, false, false));
  }

  static boolean isTerminal(TaskEvent event) {
    if (!"status".equals(event.getType())) {
      return false;
    }
    try (var reader = Jsons.createReader(new StringReader(event.getData()))) {
      return TERMINAL.contains(reader.readObject().getString("status", ""));
    }
  }

  private static void requireEventStream(HttpHeaders headers) {
    var accepts =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("event-stream"));
    if (!accepts) {
      throw new ApiException(
          new Problem(
              406, "NOT_ACCEPTABLE", "Not acceptable", "Send 'Accept: text/event-stream'."));
    }
  }

  private static long start(String lastEventId, Long after) {
    try {
      if (lastEventId != null && !lastEventId.isBlank()) {
        return Long.parseLong(lastEventId.trim());
      }
    } catch (NumberFormatException e) {
      throw ApiException.validation("'Last-Event-ID' must be an event id.");
    }
    return after == null ? 0 : Math.max(0, after);
  }
}
