package org.agentry.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.agentry.client.model.ChatReply;

/**
 * {@code POST /api/v1/agents/{name}/chat} (operator): one chat turn, answered when it ends. Errors
 * as for tasks: 404 {@code AGENT_NOT_FOUND}, 409 {@code AGENT_PAUSED}, 429 {@code
 * BUDGET_EXHAUSTED}.
 */
@Path("v1/agents/{name}/chat")
@Produces(MediaType.APPLICATION_JSON)
public interface ChatApi {

  /** A turn; {@code body} is {@code {"message": "...", "sessionId": null or an earlier one}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  ChatReply chat(@PathParam("name") String agent, java.util.Map<String, String> body);

  /** A turn whose message is an XML document (the agent's payload element or an envelope). */
  @POST
  @Consumes(MediaType.APPLICATION_XML)
  ChatReply chatXml(
      @PathParam("name") String agent, @QueryParam("sessionId") String sessionId, String xml);
}
