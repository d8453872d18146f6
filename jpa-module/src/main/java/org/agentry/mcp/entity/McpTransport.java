package org.agentry.mcp.entity;

import java.util.Locale;
import org.agentry.platform.entity.InvalidInputException;

/**
 * How Agentry reaches an MCP server (MCP specification 2025-06-18, "Transports"): {@code stdio}
 * starts the server as a child process and speaks over its standard input and output; {@code http}
 * is the streamable HTTP transport at a URL.
 */
public enum McpTransport {
  STDIO,
  HTTP;

  /** The API's spelling: {@code stdio} or {@code http}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The transport of this API spelling.
   *
   * @throws InvalidInputException unless it is {@code stdio} or {@code http}
   */
  public static McpTransport of(String text) {
    InvalidInputException.check(
        "stdio".equals(text) || "http".equals(text), "'transport' must be 'stdio' or 'http'");
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
