package org.agentry.agent.rest;

import java.time.Instant;
import java.util.List;
import org.agentry.agent.entity.Agent;

/** An agent as the API shows it; {@code version} is also its ETag. */
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
    boolean paused,
    Instant createdAt,
    Instant updatedAt,
    long version) {

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
        agent.isPaused(),
        agent.getCreatedAt(),
        agent.getUpdatedAt(),
        agent.getVersion());
  }
}
