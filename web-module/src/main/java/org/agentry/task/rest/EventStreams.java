package org.agentry.task.rest;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.agentry.platform.entity.Jsons;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.security.entity.Role;
import org.agentry.task.boundary.TaskQueries;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.TaskEvent;
import org.agentry.tenant.control.CallerTenant;

/**
 * Server-sent events (HTML Living Standard, "Server-sent events"): {@code GET
 * /api/v1/tasks/{id}/stream} for one task and {@code GET /api/v1/stream?agent=} for all. Each event
 * carries {@code id:} (the event id) and {@code event:} (its type) and a JSON object as {@code
 * data:}. A stream first replays the stored events after {@code Last-Event-ID} (or {@code
 * ?after=}), then sends new ones as the node's {@link EventHub} releases them: in id order, each
 * once, none skipped although transactions commit in another order than they took their ids.
 * Without either, one task's stream starts at its first event and the all-tasks stream at the
 * newest stored event ("now"). A {@code : keepalive} comment comes every 15 s of quiet; one task's
 * stream closes after the task's terminal status event. Without {@code Accept: text/event-stream}
 * the answer is 406; past the stream limits it is 429 {@code TOO_MANY_STREAMS}.
 */
@ApplicationScoped
@Path("v1/stream")
@RolesAllowed(Role.VIEWER_NAME)
public class EventStreams {

  private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

  @Inject Tasks tasks;
  @Inject TaskQueries queries;
  @Inject EventHub hub;
  @Inject CallerTenant tenant;

  /** One task's events; closes after its terminal status ({@code TasksResource} routes here). */
  void task(
      String id,
      String lastEventId,
      Long after,
      HttpHeaders headers,
      SecurityContext security,
      SseEventSink sink,
      Sse sse) {
    requireEventStream(headers);
    var task = tasks.get(id);
    one(id, task.getStatus().isTerminal(), lastEventId, after, security, sink, sse);
  }

  /**
   * The events stored under one id (a task's, or a goal's: its events are task events under the
   * goal's id); closes after a terminal {@code status} event. The caller checks that the id exists
   * and whether it has ended, then calls {@link #requireEventStream} first.
   *
   * @param ended whether it has ended already: the stream replays and closes
   */
  public void one(
      String id,
      boolean ended,
      String lastEventId,
      Long after,
      SecurityContext security,
      SseEventSink sink,
      Sse sse) {
    Long from = start(lastEventId, after);
    var request =
        new EventSubscriber.Request(
            caller(security),
            tenant.id(),
            event -> event.getTaskId().equals(id),
            last -> queries.events(id, last, EventSubscriber.REPLAY_PAGE),
            EventStreams::isTerminal,
            ended);
    hub.subscribe(request, from == null ? 0L : from, sink, sse, ended);
  }

  /** Every task's events, optionally of one agent; never closes by itself. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void all(
      @QueryParam("agent") String agent,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") Long after,
      @Context HttpHeaders headers,
      @Context SecurityContext security,
      @Context SseEventSink sink,
      @Context Sse sse) {
    requireEventStream(headers);
    Long from = start(lastEventId, after);
    var request =
        new EventSubscriber.Request(
            caller(security),
            tenant.id(),
            agent == null ? event -> true : event -> event.getAgent().equals(agent),
            last -> queries.allEvents(agent, last, EventSubscriber.REPLAY_PAGE),
            event -> false,
            false);
    hub.subscribe(request, from, sink, sse, false);
  }

  /**
   * The events of a group of tasks that may grow while the stream is open (a workflow run's steps,
   * say); closes after a terminal {@code status} event once the group says it has ended.
   *
   * @param member whether a task belongs to the group; asked once per task seen live (the answer is
   *     kept while the stream is open), so it may query the database
   * @param replay the group's stored events above an id, oldest first, at most a given number
   * @param endsAfter whether the group has ended with the terminal status event of this id (asked
   *     after each one sent, so it may query the database); with {@link Long#MAX_VALUE}, when the
   *     request comes, whether it has ended already: then the stream replays and closes
   */
  public void group(
      Predicate<String> member,
      BiFunction<Long, Integer, List<TaskEvent>> replay,
      LongPredicate endsAfter,
      String lastEventId,
      Long after,
      HttpHeaders headers,
      SecurityContext security,
      SseEventSink sink,
      Sse sse) {
    requireEventStream(headers);
    Long from = start(lastEventId, after);
    var ended = endsAfter.test(Long.MAX_VALUE);
    var members = new java.util.concurrent.ConcurrentHashMap<String, Boolean>();
    var request =
        new EventSubscriber.Request(
            caller(security),
            tenant.id(),
            event -> members.computeIfAbsent(event.getTaskId(), member::test),
            last -> replay.apply(last, EventSubscriber.REPLAY_PAGE),
            event -> isTerminal(event) && endsAfter.test(event.getId()),
            ended);
    hub.subscribe(request, from == null ? 0L : from, sink, sse, ended);
  }

  private static String caller(SecurityContext security) {
    var principal = security.getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  static boolean isTerminal(TaskEvent event) {
    if (!"status".equals(event.getType())) {
      return false;
    }
    try (var reader = Jsons.createReader(new StringReader(event.getData()))) {
      return TERMINAL.contains(reader.readObject().getString("status", ""));
    }
  }

  /**
   * Refuses a request that does not accept {@code text/event-stream}.
   *
   * @throws ApiException 406 {@code NOT_ACCEPTABLE}
   */
  public static void requireEventStream(HttpHeaders headers) {
    var accepts =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("event-stream"));
    if (!accepts) {
      throw new ApiException(
          new Problem(
              406, "NOT_ACCEPTABLE", "Not acceptable", "Send 'Accept: text/event-stream'."));
    }
  }

  /** Where to start: after {@code Last-Event-ID}, else after {@code ?after=}, else null. */
  private static Long start(String lastEventId, Long after) {
    try {
      if (lastEventId != null && !lastEventId.isBlank()) {
        return Math.max(0, Long.parseLong(lastEventId.trim()));
      }
    } catch (NumberFormatException e) {
      throw ApiException.validation("'Last-Event-ID' must be an event id.");
    }
    return after == null ? null : Math.max(0, after);
  }
}
