package org.agentry.agent.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.Names;

/**
 * An agent's definition apart from its name.
 *
 * @param description free text, at most 2000 characters
 * @param systemPrompt the system message of every model call, not blank
 * @param provider the provider's name
 * @param model the model's name at that provider, e.g. {@code gpt-4o-mini}
 * @param temperature sampling temperature 0–2, or null for the provider's default
 * @param maxOutputTokens most tokens one reply may have (1–1,000,000), or null for the default
 * @param tools names of the tools the model may call, and MCP servers' tools ({@code
 *     mcp:<server>/<tool>}, {@code mcp:<server>/*})
 * @param limits iteration, duration and token limits of one run
 * @param enabled whether the agent may run at all
 * @param peers names of the agents it may address (send messages to, delegate to), each matching
 *     {@value Names#PATTERN}, at most 100, duplicates dropped; empty means none. Names of agents
 *     that do not exist (yet) are accepted.
 * @param payload the agent's typed XML payload, or null when its input is free text
 * @param toolSettings settings of single tools, a JSON object keyed by tool name (or tool pattern,
 *     such as {@code mcp:github/*}) whose values are JSON objects, e.g. {@code {"shell": {"allow":
 *     ["ls"]}}}; each tool feature reads and checks its own keys. Null is taken as empty; at most
 *     64 tools and 65,536 characters.
 * @param skills names of the skills the agent may load, each matching {@value Names#PATTERN}, at
 *     most 100, duplicates dropped; empty means none
 * @param speculativeModel a fast model of the same provider that answers a speculative chat at once
 *     while a task on {@code model} works out the full answer; null for none
 * @throws InvalidInputException naming the field whose value breaks a rule
 */
public record AgentSpec(
    String description,
    String systemPrompt,
    String provider,
    String model,
    Double temperature,
    Integer maxOutputTokens,
    List<String> tools,
    AgentLimits limits,
    boolean enabled,
    List<String> peers,
    PayloadType payload,
    JsonObject toolSettings,
    List<String> skills,
    List<String> delegates,
    String speculativeModel) {

  /** How many agents one agent may list as delegates. */
  public static final int MAX_DELEGATES = 32;

  /** What a key of {@code toolSettings} may look like: a tool name or an MCP tool pattern. */
  public static final String TOOL_KEY_PATTERN = "[a-z][a-z0-9_]{0,63}|mcp:[A-Za-z0-9_.*/-]{1,190}";

  private static final int MAX_TOOL_SETTINGS_CHARS = 65_536;

  public AgentSpec {
    InvalidInputException.check(
        description == null || description.length() <= 2000,
        "'description' must be at most 2000 characters");
    InvalidInputException.check(
        systemPrompt != null && !systemPrompt.isBlank(), "'systemPrompt' is required");
    InvalidInputException.check(provider != null && !provider.isBlank(), "'provider' is required");
    InvalidInputException.check(
        model != null && !model.isBlank() && model.length() <= 255,
        "'model' is required, at most 255 characters");
    InvalidInputException.check(
        temperature == null || (temperature >= 0 && temperature <= 2),
        "'temperature' must be 0 to 2");
    InvalidInputException.check(
        maxOutputTokens == null || (maxOutputTokens >= 1 && maxOutputTokens <= 1_000_000),
        "'maxOutputTokens' must be 1 to 1000000");
    InvalidInputException.check(
        tools == null || tools.stream().allMatch(java.util.Objects::nonNull),
        "'tools' must be tool names like read_file");
    tools = tools == null ? List.of() : List.copyOf(tools);
    InvalidInputException.check(
        tools.stream()
            .allMatch(
                t ->
                    t != null
                        && (t.matches("[a-z][a-z0-9_]{0,63}")
                            || t.matches("mcp:" + Names.PATTERN + "/[^\\s/]{1,128}"))),
        "'tools' must be tool names like read_file, or MCP tools like mcp:<server>/<tool> or"
            + " mcp:<server>/*");
    limits = limits == null ? AgentLimits.DEFAULT : limits;
    InvalidInputException.check(
        peers == null
            || peers.stream().allMatch(p -> p != null && Names.VALID.matcher(p).matches()),
        "'peers' must be agent names matching " + Names.PATTERN);
    peers = peers == null ? List.of() : List.copyOf(new LinkedHashSet<>(peers));
    InvalidInputException.check(peers.size() <= 100, "'peers' may hold at most 100 names");
    toolSettings = toolSettings == null ? JsonValue.EMPTY_JSON_OBJECT : toolSettings;
    InvalidInputException.check(
        toolSettings.size() <= 64
            && toolSettings.toString().length() <= MAX_TOOL_SETTINGS_CHARS
            && toolSettings.entrySet().stream()
                .allMatch(
                    e ->
                        e.getKey().matches(TOOL_KEY_PATTERN)
                            && e.getValue().getValueType() == JsonValue.ValueType.OBJECT),
        "'toolSettings' must be an object of at most 64 tool names, each with an object of"
            + " settings, at most 65536 characters in all");
    InvalidInputException.check(
        skills == null
            || skills.stream().allMatch(k -> k != null && Names.VALID.matcher(k).matches()),
        "'skills' must be skill names matching " + Names.PATTERN);
    skills = skills == null ? List.of() : List.copyOf(new LinkedHashSet<>(skills));
    InvalidInputException.check(skills.size() <= 100, "'skills' may hold at most 100 names");
    InvalidInputException.check(
        delegates == null
            || delegates.stream().allMatch(d -> d != null && Names.VALID.matcher(d).matches()),
        "'delegates' must be agent names matching " + Names.PATTERN);
    delegates = delegates == null ? List.of() : List.copyOf(new LinkedHashSet<>(delegates));
    InvalidInputException.check(
        delegates.size() <= MAX_DELEGATES,
        "'delegates' may hold at most " + MAX_DELEGATES + " names");
    var toolNames = tools;
    InvalidInputException.check(
        delegates.stream().noneMatch(toolNames::contains),
        "'delegates' must not repeat a name of 'tools': a delegate is offered as a tool of its name");
    InvalidInputException.check(
        speculativeModel == null
            || (!speculativeModel.isBlank() && speculativeModel.length() <= 255),
        "'speculativeModel' must be 1 to 255 characters");
  }

  /** A definition with delegates but without a speculative model. */
  public AgentSpec(
      String description,
      String systemPrompt,
      String provider,
      String model,
      Double temperature,
      Integer maxOutputTokens,
      List<String> tools,
      AgentLimits limits,
      boolean enabled,
      List<String> peers,
      PayloadType payload,
      JsonObject toolSettings,
      List<String> skills,
      List<String> delegates) {
    this(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        limits,
        enabled,
        peers,
        payload,
        toolSettings,
        skills,
        delegates,
        null);
  }

  /**
   * The same definition answering with its speculative model.
   *
   * @throws IllegalStateException if it has none
   */
  public AgentSpec onSpeculativeModel() {
    if (speculativeModel == null) {
      throw new IllegalStateException("the agent has no speculative model");
    }
    return new AgentSpec(
        description,
        systemPrompt,
        provider,
        speculativeModel,
        temperature,
        maxOutputTokens,
        tools,
        limits,
        enabled,
        peers,
        payload,
        toolSettings,
        skills,
        delegates,
        speculativeModel);
  }

  /** A definition without delegates. */
  public AgentSpec(
      String description,
      String systemPrompt,
      String provider,
      String model,
      Double temperature,
      Integer maxOutputTokens,
      List<String> tools,
      AgentLimits limits,
      boolean enabled,
      List<String> peers,
      PayloadType payload,
      JsonObject toolSettings,
      List<String> skills) {
    this(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        limits,
        enabled,
        peers,
        payload,
        toolSettings,
        skills,
        null);
  }

  /** The same definition with these delegates (agent names). */
  public AgentSpec withDelegates(List<String> names) {
    return new AgentSpec(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        limits,
        enabled,
        peers,
        payload,
        toolSettings,
        skills,
        names);
  }

  /** The settings of one tool (its key in {@code toolSettings}), or an empty object. */
  public JsonObject settingsOf(String tool) {
    var settings = toolSettings.get(tool);
    return settings instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** Whether the agent may address the agent of this name: whether it is among its peers. */
  public boolean mayAddress(String agent) {
    return peers.contains(agent);
  }

  /** The same definition with other run limits (a task's own, say). */
  public AgentSpec withLimits(AgentLimits other) {
    return new AgentSpec(
        description,
        systemPrompt,
        provider,
        model,
        temperature,
        maxOutputTokens,
        tools,
        other,
        enabled,
        peers,
        payload,
        toolSettings,
        skills,
        delegates);
  }
}
