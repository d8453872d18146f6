package org.agentry.agent.rest;

/**
 * Body of {@code POST /api/v1/agents/{name}/chat}.
 *
 * @param message the user's message, not blank
 * @param sessionId the session to continue; absent starts a new one
 * @param speculative true to answer at once from the agent's {@code speculativeModel} and work out
 *     the full answer in a background task on its model, appended to the session when done
 */
public record ChatRequest(String message, String sessionId, Boolean speculative) {

  /** Whether the turn is speculative. */
  boolean isSpeculative() {
    return Boolean.TRUE.equals(speculative);
  }
}
