package org.agentry.thread.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;
import org.agentry.thread.boundary.Threads;

/**
 * {@code POST /api/v1/inject}: sends a message to an agent in a thread and starts the agent's run
 * on it as a task → 202 {@code {threadId, messageId, taskId}} with {@code Location} (the thread).
 * 404 {@code AGENT_NOT_FOUND} or {@code SESSION_NOT_FOUND}; 403 {@code PEER_NOT_ALLOWED}; 409
 * {@code SESSION_KILLED}, {@code SESSION_OF_OTHER_AGENT}, {@code THREAD_BUSY}, {@code
 * AGENT_PAUSED}; 422 {@code INVALID_PAYLOAD}; 429 {@code BUDGET_EXHAUSTED}.
 */
@ApplicationScoped
@Path("v1/inject")
@RolesAllowed(Role.OPERATOR_NAME)
public class InjectResource {

  @Inject Threads threads;

  /** Sends the message. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response inject(InjectRequest request, @Context UriInfo uri) {
    if (request == null || request.to() == null || request.to().isBlank()) {
      throw ApiException.validation("'to' is required: the agent the message is for.");
    }
    var injected =
        threads.inject(request.to(), request.from(), request.threadId(), request.toPayload());
    var location = uri.getBaseUriBuilder().path("v1/threads").path(injected.threadId()).build();
    return Response.accepted(injected).location(location).build();
  }
}
