package org.agentry.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.agentry.payload.control.EnvelopeXml;
import org.agentry.payload.control.Envelopes;
import org.agentry.payload.rest.XmlBodies;
import org.agentry.platform.rest.KeysetCursor;
import org.agentry.platform.rest.Paging;
import org.agentry.security.entity.Role;
import org.agentry.session.boundary.Sessions;

/**
 * {@code /api/v1/sessions}: viewers read sessions and their messages; operators delete and kill
 * them. Unknown ids get 404 {@code SESSION_NOT_FOUND}.
 */
@ApplicationScoped
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SessionsResource {

  /** A page of sessions, newest first. */
  public record SessionPage(List<SessionResponse> items, long total, int offset, int limit) {}

  private static final List<Variant> VARIANTS =
      Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(XmlBodies.XML)).build();

  @Inject Sessions sessions;

  /** Sessions, optionally of one agent: {@code ?agent=&offset=0&limit=50}. */
  @GET
  public SessionPage list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    int from = Paging.offset(offset);
    int size = Paging.limit(limit);
    var page = sessions.list(agent, from, size);
    var items = page.items().stream().map(SessionResponse::summary).toList();
    return new SessionPage(items, page.total(), from, size);
  }

  /**
   * One session with its usage totals and a page of its tool calls, oldest first: {@code
   * ?limit=50&cursor=}, the limit 1 to 200; pass {@code nextCursor} as {@code cursor} for the next
   * page.
   */
  @GET
  @Path("{id}")
  public SessionResponse get(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    int size = Paging.limit(limit);
    var after = KeysetCursor.parse(cursor);
    var session = sessions.get(id);
    var position =
        after == null ? null : new Sessions.ToolCallPosition(after.createdAt(), after.id());
    var calls = sessions.toolCalls(id, position, size);
    var next =
        calls.size() == size
            ? new KeysetCursor(calls.get(size - 1).getCreatedAt(), calls.get(size - 1).getId())
                .encode()
            : null;
    return SessionResponse.detail(session, sessions.usage(id), calls, next);
  }

  /**
   * The session's messages after the id {@code after} (default 0), at most {@code limit}: JSON, or
   * with {@code Accept: application/xml} XML envelopes ({@code
   * org.agentry.payload.control.Envelope}) — {@code <envelopes xmlns="urn:agentry:envelope:1">}
   * with one {@code <envelope id createdAt>} per message, {@code from}/{@code to} being {@code
   * user}, the agent's name, {@code tools} or {@code tool:<name>}, {@code thread} the session id,
   * and the payload embedded when the message is one XML element, else as text. JSON is chosen when
   * the request accepts both equally (JAX-RS variant selection, in the order listed).
   */
  @GET
  @Path("{id}/messages")
  @Produces({MediaType.APPLICATION_JSON, XmlBodies.XML})
  public Response messages(
      @PathParam("id") String id,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit,
      @Context Request request) {
    long from = Paging.after(after);
    var variant = request.selectVariant(VARIANTS);
    var asXml = variant != null && XmlBodies.XML.equals(variant.getMediaType().toString());
    var agent = asXml ? sessions.get(id).getAgentName() : null;
    var messages = sessions.messages(id, from, Paging.limit(limit));
    if (asXml) {
      var envelopes = messages.stream().map(m -> MessageEnvelopes.of(agent, m)).toList();
      return Response.ok(EnvelopeXml.write(new Envelopes(envelopes)), XmlBodies.XML).build();
    }
    var json = messages.stream().map(MessageResponse::of).toList();
    return Response.ok(
            new GenericEntity<List<MessageResponse>>(json) {}, MediaType.APPLICATION_JSON)
        .build();
  }

  /** Deletes the session and its messages → 204. */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response delete(@PathParam("id") String id) {
    sessions.delete(id);
    return Response.noContent().build();
  }

  /** Kills the session: no further turns (409 {@code SESSION_KILLED} after). */
  @POST
  @Path("{id}/kill")
  @RolesAllowed(Role.OPERATOR_NAME)
  public SessionResponse kill(@PathParam("id") String id) {
    return SessionResponse.summary(sessions.kill(id));
  }
}
