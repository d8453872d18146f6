package org.agentry.agent.rest;

import jakarta.json.JsonObject;
import java.util.List;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.PayloadType;

/**
 * Body of {@code POST /api/v1/agents} and {@code PUT /api/v1/agents/{name}}. Unknown fields are
 * refused (400).
 *
 * @param name required on POST; on PUT, if present, must equal the path's name
 * @param enabled default true
 * @param peers the agents it may address (send messages to with {@code POST /api/v1/inject}, later
 *     delegate to); default none. Names of agents that do not exist yet are accepted.
 * @param payload the agent's typed XML payload, or absent for free-text input
 * @param toolSettings settings of single tools keyed by tool name, e.g. {@code {"shell": {"allow":
 *     ["ls", "git"]}}}; default none
 * @param skills the skills the agent may load; default none
 * @param delegates the agents it may call as tools, each call a child task it waits for; default
 *     none. Names of agents that do not exist yet are accepted (they are offered once they exist).
 * @param speculativeModel a fast model of the same provider for speculative chat answers; default
 *     none
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
    List<String> peers,
    Payload payload,
    JsonObject toolSettings,
    List<String> skills,
    List<String> delegates,
    String speculativeModel) {

  /**
   * A typed XML payload.
   *
   * @param element the root element every input must be (a global element of the schema)
   * @param outputElement the element the final answer must be (also global in the schema), or
   *     absent for a free-text answer
   * @param schema the XML Schema (XSD 1.0) document, self-contained, at most 200,000 characters
   */
  public record Payload(String element, String outputElement, String schema) {

    PayloadType toPayloadType() {
      return new PayloadType(element, outputElement, schema);
    }
  }

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
        peers,
        payload == null ? null : payload.toPayloadType(),
        toolSettings,
        skills,
        delegates,
        speculativeModel);
  }
}
