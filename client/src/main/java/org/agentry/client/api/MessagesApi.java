package org.agentry.client.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.MessagePage;

/** {@code GET /api/v1/messages}: messages across every session, newest first. */
@Path("v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public interface MessagesApi {

  /** An offset page of messages; {@code agent} null for all. */
  @GET
  MessagePage list(
      @QueryParam("agent") String agent,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit);
}
