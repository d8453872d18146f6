package org.agentry.client.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agentry.client.model.Message;
import org.agentry.client.model.Session;
import org.agentry.client.model.SessionPage;

/**
 * {@code /api/v1/sessions}: reading needs the viewer role, deleting and killing the operator role.
 * Unknown ids answer 404 {@code SESSION_NOT_FOUND}.
 */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public interface SessionsApi {

  /**
   * An offset page of sessions, newest first.
   *
   * @param agent only this agent's, or null
   * @param limit 1–200, null for 50
   */
  @GET
  SessionPage list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);

  /**
   * One session with its usage and a page of its tool calls, oldest first.
   *
   * @param cursor the previous answer's {@code nextCursor}, or null
   */
  @GET
  @Path("{id}")
  Session get(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit);

  /**
   * The transcript: a page of the session's messages after message id {@code after}, oldest first.
   */
  @GET
  @Path("{id}/messages")
  List<Message> messages(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /**
   * The transcript as XML: an {@code <envelopes>} document with one envelope (from, to, thread,
   * payload) per message.
   */
  @GET
  @Path("{id}/messages")
  @Produces(MediaType.APPLICATION_XML)
  String messagesXml(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit);

  /** Deletes the session and its messages (204). */
  @DELETE
  @Path("{id}")
  Response delete(@PathParam("id") String id);

  /** Kills the session: its tasks stop and it takes no more turns. */
  @POST
  @Path("{id}/kill")
  Session kill(@PathParam("id") String id);
}
