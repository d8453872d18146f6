package org.agentry.mcp.control;

import java.util.Map;
import org.agentry.mcp.entity.McpServerSpec;

/**
 * What it takes to connect to one MCP server, its secrets opened. Never logged or returned: its
 * {@link #toString()} leaves the secrets out.
 *
 * @param name the server's name
 * @param version the server's row version; a connection made for another version is replaced
 * @param spec where the server is
 * @param headers headers sent with every HTTP request
 * @param env environment variables a stdio server is started with
 */
public record McpTarget(
    String name,
    long version,
    McpServerSpec spec,
    Map<String, String> headers,
    Map<String, String> env) {

  public McpTarget {
    headers = Map.copyOf(headers);
    env = Map.copyOf(env);
  }

  @Override
  public String toString() {
    return "McpTarget[" + name + " v" + version + ", " + spec.transport().apiName() + "]";
  }
}
