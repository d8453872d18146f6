package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * An agent as {@code GET /api/v1/agents/{name}} shows it. {@code version} is also its ETag: pass it
 * to {@link org.agentry.client.Agents#update} to replace the agent.
 *
 * @param payload {@code {element, outputElement}} for an agent with a typed XML payload, else null
 */
public record Agent(
    String name,
    String description,
    String systemPrompt,
    String provider,
    String model,
    Double temperature,
    Integer maxOutputTokens,
    List<String> tools,
    AgentRequest.Limits limits,
    boolean enabled,
    List<String> peers,
    JsonObject payload,
    JsonObject toolSettings,
    List<String> skills,
    List<String> delegates,
    boolean paused,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
