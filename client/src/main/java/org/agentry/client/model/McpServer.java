package org.agentry.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A registered MCP server as the API shows it: the names of its headers and environment variables,
 * never their values.
 *
 * @param transport {@code stdio} or {@code http}
 * @param command for stdio: the program and its arguments
 * @param url for http: the streamable HTTP endpoint
 * @param timeoutSeconds the longest wait for one answer of the server
 */
public record McpServer(
    String name,
    String transport,
    List<String> command,
    String url,
    List<String> headerNames,
    List<String> envNames,
    int timeoutSeconds,
    Instant createdAt,
    Instant updatedAt) {}
