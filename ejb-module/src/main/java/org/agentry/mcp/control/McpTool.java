package org.agentry.mcp.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import org.agentry.tool.control.Tool;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolException;

/**
 * One tool of an MCP server as the model sees it ({@link McpToolNames#modelName}); running it calls
 * the server through {@link McpToolSource}. Not a CDI bean: made per run from the agent's entries.
 */
final class McpTool implements Tool {

  private final McpToolSource source;
  private final String server;
  private final String name;
  private final List<McpToolNames.Entry> entries;
  private final Supplier<ToolSpecification> specification;
  private ToolSpecification known;

  McpTool(
      McpToolSource source,
      String server,
      String name,
      List<McpToolNames.Entry> entries,
      Supplier<ToolSpecification> specification) {
    this.source = source;
    this.server = server;
    this.name = name;
    this.entries = List.copyOf(entries);
    this.specification = specification;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized ToolSpecification specification() {
    if (known == null) {
      known = specification.get();
    }
    return known;
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    return source.call(server, name, entries, arguments);
  }
}
