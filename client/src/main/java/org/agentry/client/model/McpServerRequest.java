package org.agentry.client.model;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/mcp-servers} and {@code PUT /api/v1/mcp-servers/{name}}.
 *
 * @param transport {@code stdio} or {@code http}
 * @param command for stdio: the program and its arguments (no shell)
 * @param url for http: the server's streamable HTTP endpoint
 * @param headers for http, write-only; on PUT null keeps the stored ones, empty removes them
 * @param env for stdio, write-only; on PUT as {@code headers}
 * @param timeoutSeconds 1–600, null for the default 60
 */
public record McpServerRequest(
    String name,
    String transport,
    List<String> command,
    String url,
    Map<String, String> headers,
    Map<String, String> env,
    Integer timeoutSeconds) {}
