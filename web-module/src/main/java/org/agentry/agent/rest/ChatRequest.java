package org.agentry.agent.rest;

/**
 * Body of {@code POST /api/v1/agents/{name}/chat}.
 *
 * @param message the user's message, not blank
 * @param sessionId the session to continue; absent starts a new one
 */
public record ChatRequest(String message, String sessionId) {}
