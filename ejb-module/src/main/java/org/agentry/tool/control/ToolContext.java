package org.agentry.tool.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.tenant.entity.Tenants;

/**
 * Who calls a tool.
 *
 * @param agent the agent's name
 * @param sessionId the session, or null
 * @param taskId the task, or null for a chat
 * @param workspace the agent's workspace directory, the only place file tools may touch
 * @param spec the agent's definition as read when the run began (its {@code toolSettings} and
 *     {@code skills}), or null when the caller has none (tests, tools run by hand)
 * @param tenant the agent's tenant
 */
public record ToolContext(
    String agent, String sessionId, String taskId, Path workspace, AgentSpec spec, String tenant) {

  /** A context of an agent of the default tenant. */
  public ToolContext(
      String agent, String sessionId, String taskId, Path workspace, AgentSpec spec) {
    this(agent, sessionId, taskId, workspace, spec, Tenants.DEFAULT);
  }

  /** A context without the agent's definition: no per-agent settings, no skills. */
  public ToolContext(String agent, String sessionId, String taskId, Path workspace) {
    this(agent, sessionId, taskId, workspace, null);
  }

  /** The agent's settings of this tool ({@link AgentSpec#settingsOf}), or an empty object. */
  public JsonObject settingsOf(String tool) {
    return spec == null ? JsonValue.EMPTY_JSON_OBJECT : spec.settingsOf(tool);
  }

  /** The skills the agent may load. */
  public List<String> skills() {
    return spec == null ? List.of() : spec.skills();
  }
}
