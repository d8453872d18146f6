package org.agentry.agent.rest;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.agentry.agent.entity.Agent;

/**
 * An agent as the API shows it; {@code version} is also its ETag. {@code payload} is {@code
 * {element, outputElement}} for an agent with a typed XML payload (its schema is at {@code GET
 * /api/v1/agents/{name}/schema}), else null.
 */
public record AgentResponse(
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
    PayloadSummary payload,
    JsonObject toolSettings,
    List<String> skills,
    List<String> delegates,
    String speculativeModel,
    boolean paused,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The element names of a payload type; the schema has its own endpoint. */
  public record PayloadSummary(String element, String outputElement) {}

  static AgentResponse of(Agent agent) {
    var spec = agent.spec();
    var limits = spec.limits();
    return new AgentResponse(
        agent.getName(),
        spec.description(),
        spec.systemPrompt(),
        spec.provider(),
        spec.model(),
        spec.temperature(),
        spec.maxOutputTokens(),
        spec.tools(),
        new AgentRequest.Limits(
            limits.maxIterations(), limits.maxDurationSeconds(), limits.tokenBudget()),
        spec.enabled(),
        spec.peers(),
        spec.payload() == null
            ? null
            : new PayloadSummary(spec.payload().element(), spec.payload().outputElement()),
        spec.toolSettings(),
        spec.skills(),
        spec.delegates(),
        spec.speculativeModel(),
        agent.isPaused(),
        agent.getCreatedAt(),
        agent.getUpdatedAt(),
        agent.getVersion());
  }
}
