package org.agentry.mcp.rest;

import java.time.Instant;
import java.util.List;
import org.agentry.mcp.entity.McpServer;

/**
 * An MCP server as the API shows it: the names of its headers and environment variables, never
 * their values.
 */
public record McpServerResponse(
    String name,
    String transport,
    List<String> command,
    String url,
    List<String> headerNames,
    List<String> envNames,
    int timeoutSeconds,
    Instant createdAt,
    Instant updatedAt) {

  static McpServerResponse of(McpServer server) {
    var spec = server.spec();
    return new McpServerResponse(
        server.getName(),
        spec.transport().apiName(),
        spec.command(),
        spec.url(),
        server.headerNames(),
        server.envNames(),
        spec.timeoutSeconds(),
        server.getCreatedAt(),
        server.getUpdatedAt());
  }
}
