package org.agentry.mcp.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.agentry.mcp.boundary.McpServers;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.tool.control.JsonSchemas;
import org.agentry.tool.control.Tool;
import org.agentry.tool.control.ToolException;
import org.agentry.tool.control.ToolSource;

/**
 * MCP servers' tools for agents whose {@code tools} list {@code mcp:<server>/<tool>} or {@code
 * mcp:<server>/*}. The model sees them under {@link McpToolNames#modelName}; a call goes to the
 * server through this node's session ({@link McpConnections}). What the server returns as text
 * (and, without text, its structured content as JSON) is the tool's result; a result flagged {@code
 * isError}, an error answer, an unreachable server or a server removed since the agent was saved is
 * a tool error the model reads.
 */
@ApplicationScoped
public class McpToolSource implements ToolSource {

  private static final Logger LOG = Logger.getLogger(McpToolSource.class.getName());

  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  @Inject McpServers servers;
  @Inject McpConnections connections;

  @Override
  public boolean owns(String entry) {
    return McpToolNames.isEntry(entry);
  }

  @Override
  public void check(List<String> entries) {
    for (var text : entries) {
      var entry = McpToolNames.entry(text);
      InvalidInputException.check(
          servers.exists(entry.server()),
          "'tools' names the MCP server '"
              + entry.server()
              + "', which is not registered (POST /api/v1/mcp-servers)");
    }
  }

  @Override
  public List<Tool> tools(List<String> entries) {
    var tools = new ArrayList<Tool>();
    byServer(entries)
        .forEach(
            (server, covering) -> {
              try {
                for (var tool : connections.tools(servers.target(server))) {
                  if (covering.stream().anyMatch(e -> e.covers(server, tool.name()))) {
                    var spec = specification(server, tool);
                    tools.add(new McpTool(this, server, spec.name(), covering, () -> spec));
                  }
                }
              } catch (RuntimeException e) {
                LOG.warning(
                    () ->
                        "MCP server "
                            + server
                            + " offers no tools for now: "
                            + McpConnections.reason(e));
              }
            });
    return tools;
  }

  @Override
  public Tool find(String name, List<String> entries) {
    var server = McpToolNames.serverOf(name);
    if (server == null) {
      return null;
    }
    var covering = byServer(entries).get(server);
    if (covering == null) {
      return null;
    }
    return new McpTool(this, server, name, covering, () -> describe(server, name, covering));
  }

  /** Runs a call of the model's on the server's tool that bears this model-facing name. */
  String call(String server, String name, List<McpToolNames.Entry> covering, JsonObject arguments)
      throws ToolException {
    McpTarget target;
    try {
      target = servers.target(server);
    } catch (UnknownResourceException e) {
      throw new ToolException("the MCP server '" + server + "' is no longer registered");
    } catch (IllegalArgumentException e) {
      throw new ToolException(e.getMessage());
    }
    try {
      var tool = resolve(target, name, covering);
      var result = connections.call(target, tool.name(), toMap(arguments));
      var text = text(result);
      if (Boolean.TRUE.equals(result.isError())) {
        throw new ToolException(text.isEmpty() ? "the MCP tool reported an error" : text);
      }
      return text;
    } catch (McpError e) {
      throw new ToolException("the MCP server '" + server + "' answered: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ToolException(
          "the MCP server '" + server + "' cannot be reached: " + McpConnections.reason(e));
    }
  }

  private McpSchema.Tool resolve(McpTarget target, String name, List<McpToolNames.Entry> covering)
      throws ToolException {
    for (var tool : connections.tools(target)) {
      if (McpToolNames.modelName(target.name(), tool.name()).equals(name)
          && covering.stream().anyMatch(e -> e.covers(target.name(), tool.name()))) {
        return tool;
      }
    }
    throw new ToolException(
        "the MCP server '" + target.name() + "' offers no tool '" + name + "' to you");
  }

  private ToolSpecification describe(
      String server, String name, List<McpToolNames.Entry> covering) {
    try {
      return specification(server, resolve(servers.target(server), name, covering));
    } catch (ToolException | RuntimeException e) {
      return ToolSpecification.builder().name(name).description("An MCP tool").build();
    }
  }

  static ToolSpecification specification(String server, McpSchema.Tool tool) {
    var description = tool.description() == null ? tool.name() : tool.description();
    return ToolSpecification.builder()
        .name(McpToolNames.modelName(server, tool.name()))
        .description(description + " (MCP server " + server + ")")
        .parameters(JsonSchemas.objectSchema(tool.inputSchema()))
        .build();
  }

  private static Map<String, List<McpToolNames.Entry>> byServer(List<String> entries) {
    return entries.stream()
        .filter(McpToolNames::isEntry)
        .map(McpToolNames::entry)
        .collect(
            Collectors.groupingBy(
                McpToolNames.Entry::server, LinkedHashMap::new, Collectors.toList()));
  }

  private static Map<String, Object> toMap(JsonObject arguments) {
    try {
      return McpJsonDefaults.getMapper().readValue(arguments.toString(), MAP);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed JSON object reads back", e);
    }
  }

  /** The result's text parts, one per line; other parts named; structured content as JSON. */
  static String text(McpSchema.CallToolResult result) {
    var parts = new ArrayList<String>();
    for (var content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
      if (content instanceof McpSchema.TextContent text) {
        parts.add(text.text());
      } else {
        parts.add("[" + content.type() + " content]");
      }
    }
    if (parts.isEmpty() && result.structuredContent() != null) {
      try {
        parts.add(McpJsonDefaults.getMapper().writeValueAsString(result.structuredContent()));
      } catch (IOException e) {
        parts.add("[structured content]");
      }
    }
    return String.join("\n", parts);
  }
}
