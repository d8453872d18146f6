package org.agentry.mcp.http;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agentry.agent.boundary.Agents;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tools Agentry offers over MCP. {@code run_agent_<name> {input}} submits a task to the agent
 * and waits for it up to {@code agentry.mcp.server.wait-seconds} (default 60): its output when it
 * completed, a tool error when it failed or was cancelled, else its task id and status to follow
 * with {@code get_task}. {@code submit_task {agent, input, priority?}} returns the task id at once;
 * {@code get_task {taskId}} its status, output and error. Running and submitting need the operator
 * role; a viewer gets a tool error. Results are JSON text (and the same as structured content),
 * except a completed run's output, which is the output itself.
 */
@ApplicationScoped
public class AgentryMcpTools {

  static final String RUN_PREFIX = "run_agent_";

  @Inject Agents agents;
  @Inject Tasks tasks;

  @Inject
  @ConfigProperty(name = "agentry.mcp.server.wait-seconds", defaultValue = "60")
  int waitSeconds;

  private final Map<String, String> runTools = new HashMap<>();

  /** The fixed tools: {@code submit_task} and {@code get_task}. */
  List<SyncToolSpecification> fixed() {
    return List.of(
        tool(
            McpSchema.Tool.builder()
                .name("submit_task")
                .description("Submits a task to an Agentry agent; returns its taskId at once.")
                .inputSchema(
                    schema(
                        Map.of(
                            "agent",
                            Map.of("type", "string", "description", "The agent's name"),
                            "input",
                            Map.of("type", "string", "description", "What to do"),
                            "priority",
                            Map.of("type", "integer", "description", "0 (lowest) to 9, default 4")),
                        List.of("agent", "input")))
                .build(),
            this::submitTask),
        tool(
            McpSchema.Tool.builder()
                .name("get_task")
                .description("A task's status, and its output or error once it ended.")
                .inputSchema(
                    schema(
                        Map.of("taskId", Map.of("type", "string", "description", "The task's id")),
                        List.of("taskId")))
                .build(),
            this::getTask));
  }

  /**
   * Brings the server's {@code run_agent_<name>} tools in line with the agents that take work now
   * (enabled and not paused): new ones added, gone or paused ones removed, changed descriptions
   * replaced. Connected clients are told the list changed.
   */
  synchronized void sync(McpSyncServer server) {
    var wanted = new HashMap<String, String>();
    for (var agent : agents.list()) {
      if (agent.acceptsWork()) {
        var description = agent.spec().description();
        wanted.put(
            RUN_PREFIX + agent.getName(),
            "Runs the Agentry agent '"
                + agent.getName()
                + "' on the input and returns its output"
                + (description == null || description.isBlank() ? "." : ": " + description));
      }
    }
    for (var name : List.copyOf(runTools.keySet())) {
      if (!runTools.get(name).equals(wanted.get(name))) {
        server.removeTool(name);
        runTools.remove(name);
      }
    }
    wanted.forEach(
        (name, description) -> {
          if (!runTools.containsKey(name)) {
            server.addTool(runTool(name, description));
            runTools.put(name, description);
          }
        });
  }

  private SyncToolSpecification runTool(String name, String description) {
    var agent = name.substring(RUN_PREFIX.length());
    return tool(
        McpSchema.Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(
                schema(
                    Map.of("input", Map.of("type", "string", "description", "What to do")),
                    List.of("input")))
            .build(),
        (exchange, request) -> runAgent(agent, exchange, request));
  }

  private McpSchema.CallToolResult runAgent(
      String agent, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    if (!McpCaller.of(exchange.transportContext()).operator()) {
      return error("refused: running an agent needs the operator role");
    }
    var task = submit(agent, request.arguments().get("input"), 4);
    var deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
    while (!ended(task.getStatus()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      task = tasks.get(task.getId());
    }
    return switch (task.getStatus()) {
      case COMPLETED ->
          McpSchema.CallToolResult.builder()
              .addTextContent(task.getOutput() == null ? "" : task.getOutput())
              .build();
      case FAILED, CANCELLED -> error(describe(task).toString());
      default -> result(describe(task));
    };
  }

  private McpSchema.CallToolResult submitTask(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    if (!McpCaller.of(exchange.transportContext()).operator()) {
      return error("refused: submitting a task needs the operator role");
    }
    var arguments = request.arguments();
    if (!(arguments.get("agent") instanceof String agent)) {
      return error("'agent' is required and must be a string");
    }
    var priority = arguments.get("priority") instanceof Number n ? n.intValue() : 4;
    return result(describe(submit(agent, arguments.get("input"), priority)));
  }

  private McpSchema.CallToolResult getTask(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    if (!(request.arguments().get("taskId") instanceof String id)) {
      return error("'taskId' is required and must be a string");
    }
    return result(describe(tasks.get(id)));
  }

  private Task submit(String agent, Object input, int priority) {
    if (!(input instanceof String text)) {
      throw new IllegalArgumentException("'input' is required and must be a string");
    }
    var spec = new TaskSpec(text, priority, List.of("mcp"), null, null, null, null, null, null);
    return tasks.submit(agent, spec, null, null).task();
  }

  private static boolean ended(TaskStatus status) {
    return status == TaskStatus.COMPLETED
        || status == TaskStatus.FAILED
        || status == TaskStatus.CANCELLED;
  }

  private static JsonObject describe(Task task) {
    var json =
        Jsons.createObjectBuilder()
            .add("taskId", task.getId())
            .add("agent", task.getAgent())
            .add("status", task.getStatus().name().toLowerCase(java.util.Locale.ROOT));
    if (task.getOutput() != null) {
      json.add("output", task.getOutput());
    }
    if (task.getErrorCode() != null) {
      json.add(
          "error",
          Jsons.createObjectBuilder()
              .add("code", task.getErrorCode())
              .add("message", String.valueOf(task.getErrorMessage())));
    }
    if (task.getQuestion() != null) {
      json.add("question", task.getQuestion());
    }
    return json.build();
  }

  private static McpSchema.CallToolResult result(JsonObject json) {
    return McpSchema.CallToolResult.builder().addTextContent(json.toString()).build();
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
    return Map.of("type", "object", "properties", properties, "required", required);
  }

  /**
   * A tool whose handler's domain errors (unknown agent or task, a paused agent, bad input) come
   * back as tool errors with their message, as the API's problem details would say.
   */
  private static SyncToolSpecification tool(
      McpSchema.Tool tool,
      java.util.function.BiFunction<
              McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult>
          handler) {
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) -> {
              try {
                return handler.apply(exchange, request);
              } catch (EJBException e) {
                return error("the call failed on the server");
              } catch (RuntimeException e) {
                return error(e.getMessage() == null ? "the call failed" : e.getMessage());
              }
            })
        .build();
  }
}
