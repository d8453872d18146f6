package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.AgentThread;
import org.agentry.client.model.Message;
import org.agentry.client.model.ThreadPage;

/**
 * {@code /api/v1/threads}: sessions seen as channels between agents. Unknown ids answer 404 {@code
 * SESSION_NOT_FOUND}; killing needs the operator role.
 */
@Path("v1/threads")
@Produces(MediaType.APPLICATION_JSON)
public interface ThreadsApi {

  /**
   * An offset page of threads, newest first.
   *
   * @param status {@code active} or {@code killed}, or null for both
   */
  @GET
  ThreadPage list(
      @QueryParam("status") String status,
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);

  /** One thread with participants, message count, usage and budget. */
  @GET
  @Path("{id}")
  AgentThread get(@PathParam("id") String id);

  /** A page of the thread's messages after message id {@code after}, oldest first. */
  @GET
  @Path("{id}/messages")
  List<Message> messages(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /** Kills the thread; the answer names the tasks it stopped. */
  @POST
  @Path("{id}/kill")
  AgentThread kill(@PathParam("id") String id);
}
