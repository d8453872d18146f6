package org.agentry.client;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agentry.client.model.Agent;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.Budget;
import org.agentry.client.model.ChatReply;

/**
 * {@code /api/v1/agents}. Unknown agents throw {@link AgentryException.NotFound} ({@code
 * AGENT_NOT_FOUND}); changes need the operator role.
 */
public final class Agents {

  private static final GenericType<List<Agent>> LIST = new GenericType<>() {};

  private final Http http;

  Agents(Http http) {
    this.http = http;
  }

  /** Every agent, by name. */
  public List<Agent> list() {
    return http.get(http.path("agents"), LIST);
  }

  /** One agent. */
  public Agent get(String name) {
    return http.get(http.path("agents", name), Agent.class);
  }

  /** Creates an agent; 409 {@code AGENT_EXISTS} as {@link AgentryException.Conflict}. */
  public Agent create(AgentRequest agent) {
    return http.post(http.path("agents"), agent, Agent.class);
  }

  /**
   * Replaces an agent's definition if it is still at {@code version} (its ETag, {@link
   * Agent#version()}); 412 {@code PRECONDITION_FAILED} when it changed since.
   */
  public Agent update(String name, AgentRequest agent, long version) {
    var request =
        http.path("agents", name)
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
    return http.read(http.call(request, "PUT", Entity.json(agent)), Agent.class);
  }

  /** Pauses an agent: it takes no new chats or tasks (409 {@code AGENT_PAUSED}). */
  public Agent pause(String name) {
    return http.post(http.path("agents", name, "pause"), null, Agent.class);
  }

  /** Resumes a paused agent. */
  public Agent resume(String name) {
    return http.post(http.path("agents", name, "resume"), null, Agent.class);
  }

  /**
   * Runs one chat turn and waits for its end (up to the read timeout).
   *
   * @param sessionId an earlier reply's session to go on in, or null for a new session
   * @throws AgentryException e.g. 409 {@code AGENT_PAUSED}, 429 {@code BUDGET_EXHAUSTED}
   */
  public ChatReply chat(String name, String message, String sessionId) {
    var body = new java.util.HashMap<String, String>();
    body.put("message", message);
    if (sessionId != null) {
      body.put("sessionId", sessionId);
    }
    return http.post(http.path("agents", name, "chat"), body, ChatReply.class);
  }

  /** The agent's budget; every limit null when none was set. */
  public Budget budget(String name) {
    return http.get(http.path("agents", name, "budget"), Budget.class);
  }

  /** Replaces the agent's budget (operator); null limits remove those limits. */
  public Budget setBudget(String name, Budget budget) {
    var request = http.path("agents", name, "budget").request(MediaType.APPLICATION_JSON_TYPE);
    return http.read(http.call(request, "PUT", Entity.json(budget)), Budget.class);
  }

  /** Deletes an agent. */
  public void delete(String name) {
    http.delete(http.path("agents", name));
  }
}
