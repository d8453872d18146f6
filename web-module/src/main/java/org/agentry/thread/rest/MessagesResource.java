package org.agentry.thread.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.session.boundary.Sessions;
import org.agentry.session.rest.MessageResponse;

/** {@code GET /api/v1/messages}: messages across threads (sessions), newest first. */
@ApplicationScoped
@Path("v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class MessagesResource {

  /** A page of messages, newest first, and how many match. */
  public record MessagePage(List<MessageResponse> items, long total, int offset, int limit) {}

  @Inject Sessions sessions;

  /**
   * Messages: {@code ?agent=&offset=0&limit=50}; with {@code agent}, those of its threads and those
   * it sent into other agents' threads.
   */
  @GET
  public MessagePage list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    int from = Paging.offset(offset);
    int size = Paging.limit(limit);
    var page = sessions.messagesAcross(agent, from, size);
    var items = page.items().stream().map(MessageResponse::of).toList();
    return new MessagePage(items, page.total(), from, size);
  }
}
