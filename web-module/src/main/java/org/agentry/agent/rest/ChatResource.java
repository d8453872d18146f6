package org.agentry.agent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.agentry.agent.boundary.Agents;
import org.agentry.payload.rest.XmlBodies;
import org.agentry.platform.rest.ApiException;
import org.agentry.run.boundary.AgentLoop;
import org.agentry.security.entity.Role;

/**
 * {@code POST /api/v1/agents/{name}/chat}: runs one conversation turn synchronously and answers
 * with the reply, the stop reason, the usage and the tool calls. Operators and admins only, as a
 * chat spends tokens.
 */
@ApplicationScoped
@Path("v1/agents/{name}/chat")
@RolesAllowed(Role.OPERATOR_NAME)
public class ChatResource {

  /** Longest accepted message, in characters. */
  static final int MAX_MESSAGE_CHARS = 100_000;

  @Inject AgentLoop loop;
  @Inject Agents agents;

  /**
   * One turn. 404 for an unknown agent or session; 409 {@code AGENT_PAUSED}, {@code
   * AGENT_DISABLED}, {@code SESSION_KILLED} or {@code SESSION_OF_OTHER_AGENT}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ChatResponse chat(@PathParam("name") String agent, ChatRequest request) {
    if (request == null || request.message() == null || request.message().isBlank()) {
      throw ApiException.validation("'message' is required.");
    }
    if (request.message().length() > MAX_MESSAGE_CHARS) {
      throw ApiException.validation("'message' must be at most 100000 characters.");
    }
    var outcome = loop.chat(agent, request.sessionId(), request.message());
    return ChatResponse.of(outcome);
  }

  /**
   * One turn whose message is an XML payload, validated against the agent's schema before anything
   * is stored; {@code ?sessionId=} continues a session. 415 {@code XML_NOT_ACCEPTED} for an agent
   * without a payload type; 422 {@code XML_INVALID}, {@code XML_NOT_WELL_FORMED} or {@code
   * XML_DOCTYPE_REFUSED} with the line and column for a refused payload.
   */
  @POST
  @Consumes(XmlBodies.XML)
  @Produces(MediaType.APPLICATION_JSON)
  public ChatResponse chatXml(
      @PathParam("name") String agent, @QueryParam("sessionId") String sessionId, String body) {
    XmlBodies.requireTyped(agent, agents.payloadType(agent));
    return chat(agent, new ChatRequest(XmlBodies.required(body), sessionId));
  }
}
