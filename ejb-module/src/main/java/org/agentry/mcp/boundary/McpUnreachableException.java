package org.agentry.mcp.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An MCP server could not be started, reached or understood (after one reconnect). The REST layer
 * answers 502 {@code MCP_SERVER_UNREACHABLE}; the message names the server, never its secrets.
 */
@ApplicationException(rollback = true)
public class McpUnreachableException extends RuntimeException {

  public McpUnreachableException(String server, String why) {
    super("The MCP server '" + server + "' cannot be reached: " + why, null, false, false);
  }
}
