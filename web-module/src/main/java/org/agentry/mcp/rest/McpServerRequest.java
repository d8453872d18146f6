package org.agentry.mcp.rest;

import java.util.List;
import java.util.Map;
import org.agentry.mcp.entity.McpServerSpec;
import org.agentry.mcp.entity.McpTransport;

/**
 * Body of {@code POST /api/v1/mcp-servers} and {@code PUT /api/v1/mcp-servers/{name}}.
 *
 * @param name {@code [a-z0-9][a-z0-9-]{0,62}}; on PUT, absent or the path's
 * @param transport {@code stdio} or {@code http}
 * @param command for stdio: the program and its arguments, e.g. {@code ["npx", "-y",
 *     "@modelcontextprotocol/server-github"]} (no shell)
 * @param url for http: the server's streamable HTTP endpoint, e.g. {@code
 *     https://mcp.example.com/mcp}
 * @param headers for http, write-only: sent with every request (e.g. {@code Authorization}); on
 *     PUT, absent keeps the stored ones and {@code {}} removes them
 * @param env for stdio, write-only: environment variables the process gets besides PATH, HOME,
 *     LANG, LC_ALL, TZ and TMPDIR; on PUT as {@code headers}
 * @param timeoutSeconds the longest wait for one answer of the server, 1–600, default 60
 */
public record McpServerRequest(
    String name,
    String transport,
    List<String> command,
    String url,
    Map<String, String> headers,
    Map<String, String> env,
    Integer timeoutSeconds) {

  /**
   * @throws org.agentry.platform.entity.InvalidInputException naming the field that breaks a rule
   */
  McpServerSpec toSpec() {
    return new McpServerSpec(McpTransport.of(transport), command, url, timeoutSeconds);
  }
}
