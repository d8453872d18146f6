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
import org.agentry.platform.rest.Problem;
import org.agentry.run.boundary.AgentLoop;
import org.agentry.security.entity.Role;
import org.agentry.speculation.boundary.Speculations;

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
  @Inject Speculations speculations;

  /**
   * One turn. 404 for an unknown agent or session; 409 {@code AGENT_PAUSED}, {@code
   * AGENT_DISABLED}, {@code SESSION_KILLED} or {@code SESSION_OF_OTHER_AGENT}. With {@code
   * "speculative": true} the reply comes from the agent's speculative model and a task on its model
   * ({@code taskId}) appends the full answer to the session when done; 422 {@code
   * NO_SPECULATIVE_MODEL} for an agent without one.
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
    if (!request.isSpeculative()) {
      return ChatResponse.of(loop.chat(agent, request.sessionId(), request.message()));
    }
    if (agents.get(agent).spec().speculativeModel() == null) {
      throw new ApiException(
          new Problem(
              422,
              "NO_SPECULATIVE_MODEL",
              "No speculative model",
              "The agent has no 'speculativeModel'; chat without 'speculative'."));
    }
    var response = ChatResponse.of(loop.chat(agent, request.sessionId(), request.message(), true));
    if (response.sessionId() == null || response.reply() == null) {
      return response; // the fast answer did not come: no follow-up either
    }
    var task = speculations.followUp(agent, response.sessionId(), request.message());
    return response.speculative(task.getId());
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
    return chat(agent, new ChatRequest(XmlBodies.required(body), sessionId, null));
  }
}
