package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Body of {@code POST /api/v1/agents} and {@code PUT /api/v1/agents/{name}}; null members are left
 * out. The server refuses unknown members with 400 {@code MALFORMED_JSON}, so a file read into this
 * record may carry only these.
 *
 * @param name required on create; on update absent or the same name
 * @param provider the provider's name
 * @param tools built-in tool names, e.g. {@code current_time}
 * @param enabled default true
 * @param peers agents it may address
 * @param payload {@code {element, outputElement, schema}} for a typed XML payload
 * @param delegates the agents it may call as tools (each call a child task it waits for)
 * @param toolSettings settings of single tools keyed by tool name
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
    JsonObject payload,
    JsonObject toolSettings,
    List<String> skills,
    List<String> delegates) {

  /**
   * The limits of one run; null members take the server's defaults (10 iterations, 300 s, none).
   *
   * @param maxDurationSeconds s
   * @param tokenBudget prompt plus completion tokens
   */
  public record Limits(Integer maxIterations, Integer maxDurationSeconds, Long tokenBudget) {}

  /** A minimal agent: a name, a system prompt, a provider and a model; no tools. */
  public static AgentRequest of(String name, String systemPrompt, String provider, String model) {
    return new AgentRequest(
        name,
        null,
        systemPrompt,
        provider,
        model,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
