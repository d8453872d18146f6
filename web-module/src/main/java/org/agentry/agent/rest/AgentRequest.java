package org.agentry.agent.rest;

import java.util.List;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;

/**
 * Body of {@code POST /api/v1/agents} and {@code PUT /api/v1/agents/{name}}. Unknown fields are
 * refused (400).
 *
 * @param name required on POST; on PUT, if present, must equal the path's name
 * @param enabled default true
 * @param peers the agents it may address (send messages to with {@code POST /api/v1/inject}, later
 *     delegate to); default none. Names of agents that do not exist yet are accepted.
 */
public record AgentRequest(
    String name,
    String description,
    String systemPrompt,
    String provider,
    String model,
    Double temperature,
    Integer maxOutputTokens,
    List<String> tools,
    Limits limits,
    Boolean enabled,
    List<String> peers) {

  /** The limits of one run; absent fields take the defaults (10, 300 s, none). */
  public record Limits(Integer maxIterations, Integer maxDurationSeconds, Long tokenBudget) {

    AgentLimits toLimits() {
      var defaults = AgentLimits.DEFAULT;
      return new AgentLimits(
          maxIterations == null ? defaults.maxIterations() : maxIterations,
          maxDurationSeconds == null ? defaults.maxDurationSeconds() : maxDurationSeconds,
          tokenBudget);
    }
  }

  /**
   * The definition.
   *
   * @throws org.agentry.platform.entity.InvalidInputException naming a field that breaks a rule
   */
  AgentSpec toSpec() {
    return new AgentSpec(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        limits == null ? null : limits.toLimits(),
        enabled == null || enabled,
        peers);
  }
}
