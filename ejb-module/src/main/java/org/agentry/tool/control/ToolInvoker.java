package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.platform.entity.Jsons;

/**
 * Finds tools by name and runs the model's tool calls. Unknown tools, tools the agent may not use,
 * malformed arguments and failures all come back as an error the model can read and act on; the
 * agent loop never sees an exception from here.
 */
@ApplicationScoped
public class ToolInvoker {

  private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

  @Inject Instance<Tool> discovered;

  private Map<String, Tool> tools;

  /** An invoker of exactly these tools, outside CDI (tests, tools built by hand). */
  public static ToolInvoker of(Collection<? extends Tool> tools) {
    var invoker = new ToolInvoker();
    var map = new TreeMap<String, Tool>();
    tools.forEach(tool -> map.put(tool.name(), tool));
    invoker.tools = map;
    return invoker;
  }

  /** The names of every tool there is, sorted. */
  public Collection<String> names() {
    return byName().keySet();
  }

  /** The specifications of the named tools that exist, in the given order. */
  public List<ToolSpecification> specifications(List<String> names) {
    return names.stream()
        .filter(byName()::containsKey)
        .map(n -> byName().get(n).specification())
        .toList();
  }

  /**
   * Runs one tool call.
   *
   * @param allowed the tools the agent may use
   */
  public ToolOutcome invoke(ToolContext context, ToolExecutionRequest call, List<String> allowed) {
    long start = System.nanoTime();
    var tool = allowed.contains(call.name()) ? byName().get(call.name()) : null;
    if (tool == null) {
      return ToolOutcome.failed(
          "unknown tool '" + call.name() + "'; available: " + String.join(", ", allowed), start);
    }
    JsonObject arguments;
    try (var reader = Jsons.createReader(new StringReader(argumentsText(call)))) {
      arguments = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return ToolOutcome.failed("arguments must be a JSON object", start);
    }
    try {
      return ToolOutcome.succeeded(tool.execute(context, arguments), start);
    } catch (ToolException e) {
      return ToolOutcome.failed(e.getMessage(), start);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tool " + call.name() + " failed", e);
      return ToolOutcome.failed("the tool failed unexpectedly", start);
    }
  }

  private static String argumentsText(ToolExecutionRequest call) {
    var text = call.arguments();
    return text == null || text.isBlank() ? "{}" : text;
  }

  private synchronized Map<String, Tool> byName() {
    if (tools == null) {
      var map = new TreeMap<String, Tool>();
      discovered.forEach(tool -> map.put(tool.name(), tool));
      tools = map;
    }
    return tools;
  }
}
