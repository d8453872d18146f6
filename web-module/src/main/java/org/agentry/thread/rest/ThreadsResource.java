package org.agentry.thread.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.agentry.budget.boundary.Budgets;
import org.agentry.dispatch.control.TaskRunner;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.session.boundary.Sessions;
import org.agentry.session.entity.SessionStatus;
import org.agentry.session.rest.MessageResponse;
import org.agentry.thread.boundary.Threads;

/**
 * {@code /api/v1/threads}: sessions under xml-pipeline's name. Viewers read threads and their
 * messages; operators kill them. Unknown ids get 404 {@code SESSION_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/threads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class ThreadsResource {

  /** A page of threads, newest first, and how many match. */
  public record ThreadPage(List<ThreadResponse> items, long total, int offset, int limit) {}

  @Inject Sessions sessions;
  @Inject Threads threads;
  @Inject Budgets budgets;
  @Inject TaskRunner runner;

  /** Threads: {@code ?status=active|killed&agent=&offset=0&limit=50}. */
  @GET
  public ThreadPage list(
      @QueryParam("status") String status,
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    int from = Paging.offset(offset);
    int size = Paging.limit(limit);
    var page = sessions.list(agent, status(status), from, size);
    var items = page.items().stream().map(ThreadResponse::summary).toList();
    return new ThreadPage(items, page.total(), from, size);
  }

  /** One thread with participants, message count, usage and budget. */
  @GET
  @Path("{id}")
  public ThreadResponse get(@PathParam("id") String id) {
    var thread = sessions.get(id);
    return ThreadResponse.detail(
        thread,
        sessions.senders(id),
        sessions.messageCount(id),
        sessions.usage(id),
        budgets.sessionBudget(id).orElse(null));
  }

  /** The thread's messages after the id {@code after} (default 0), oldest first. */
  @GET
  @Path("{id}/messages")
  public List<MessageResponse> messages(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    return sessions.messages(id, Paging.after(after), Paging.limit(limit)).stream()
        .map(MessageResponse::of)
        .toList();
  }

  /**
   * Kills the thread: cancels its queued and waiting tasks, stops its running ones, and refuses
   * further messages (409 {@code SESSION_KILLED}, also for a second kill).
   */
  @POST
  @Path("{id}/kill")
  @RolesAllowed(Role.OPERATOR_NAME)
  public ThreadResponse kill(@PathParam("id") String id) {
    var killed = threads.kill(id);
    killed.cancelled().forEach(runner::stop);
    return ThreadResponse.killed(killed.thread(), killed.cancelled());
  }

  private static SessionStatus status(String status) {
    if (status == null) {
      return null;
    }
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> SessionStatus.ACTIVE;
      case "killed" -> SessionStatus.KILLED;
      default -> throw ApiException.validation("'status' must be active or killed.");
    };
  }
}
