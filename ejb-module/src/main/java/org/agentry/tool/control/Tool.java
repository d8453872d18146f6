package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import jakarta.json.JsonObject;

/**
 * A tool an agent's model may call. Implementations are CDI beans ({@code @ApplicationScoped});
 * their names are unique and match {@code [a-z][a-z0-9_]*}.
 */
public interface Tool {

  /** Name, description and the JSON schema of the arguments, as the model sees them. */
  ToolSpecification specification();

  /**
   * Runs the tool.
   *
   * @param context who calls, and the workspace they may touch
   * @param arguments the arguments the model sent, a JSON object
   * @return the result as text for the model
   * @throws ToolException with a message for the model when the call cannot be done
   */
  String execute(ToolContext context, JsonObject arguments) throws ToolException;

  /**
   * The specification this agent's model sees; by default {@link #specification()}. A tool whose
   * description depends on the agent (the skills it may load, say) overrides this.
   */
  default ToolSpecification specificationFor(org.agentry.agent.entity.AgentSpec agent) {
    return specification();
  }

  /** The tool's name. */
  default String name() {
    return specification().name();
  }
}
