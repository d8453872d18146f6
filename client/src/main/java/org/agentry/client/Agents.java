package org.agentry.client;

import java.util.List;
import org.agentry.client.api.AgentsApi;
import org.agentry.client.api.BudgetApi;
import org.agentry.client.api.ChatApi;
import org.agentry.client.model.Agent;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.Budget;
import org.agentry.client.model.ChatReply;

/**
 * {@code /api/v1/agents}. Unknown agents throw {@link AgentryException.NotFound} ({@code
 * AGENT_NOT_FOUND}); changes need the operator role.
 */
public final class Agents {

  private final AgentsApi api;
  private final ChatApi chat;
  private final BudgetApi budgets;

  Agents(Http http) {
    this.api = http.proxies.of(AgentsApi.class);
    this.chat = http.proxies.of(ChatApi.class);
    this.budgets = http.proxies.of(BudgetApi.class);
  }

  /** Every agent, by name. */
  public List<Agent> list() {
    return api.list();
  }

  /** One agent. */
  public Agent get(String name) {
    return api.get(name);
  }

  /** Creates an agent; 409 {@code AGENT_EXISTS} as {@link AgentryException.Conflict}. */
  public Agent create(AgentRequest agent) {
    return api.create(agent);
  }

  /**
   * Replaces an agent's definition if it is still at {@code version} (its ETag, {@link
   * Agent#version()}); 412 {@code PRECONDITION_FAILED} when it changed since.
   */
  public Agent update(String name, AgentRequest agent, long version) {
    return api.replace(name, "\"" + version + "\"", agent);
  }

  /** Pauses an agent: it takes no new chats or tasks (409 {@code AGENT_PAUSED}). */
  public Agent pause(String name) {
    return api.pause(name);
  }

  /** Resumes a paused agent. */
  public Agent resume(String name) {
    return api.resume(name);
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
    return chat.chat(name, body);
  }

  /** The agent's budget; every limit null when none was set. */
  public Budget budget(String name) {
    return budgets.get(name);
  }

  /** Replaces the agent's budget (operator); null limits remove those limits. */
  public Budget setBudget(String name, Budget budget) {
    return budgets.put(name, budget);
  }

  /** Deletes an agent. */
  public void delete(String name) {
    api.delete(name).close();
  }
}
