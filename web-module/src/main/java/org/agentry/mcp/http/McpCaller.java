package org.agentry.mcp.http;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.agentry.security.entity.Role;

/**
 * Who sent an MCP request, taken from the HTTP request that carried it (the SDK hands it to tool
 * handlers as the transport context).
 *
 * @param operator whether the caller has the operator role (or admin's, which includes it)
 */
record McpCaller(boolean operator) {

  private static final String KEY = "agentry.caller";

  static McpTransportContext context(HttpServletRequest request) {
    var operator =
        request.isUserInRole(Role.OPERATOR_NAME) || request.isUserInRole(Role.ADMIN_NAME);
    return McpTransportContext.create(Map.of(KEY, new McpCaller(operator)));
  }

  static McpCaller of(McpTransportContext context) {
    return context != null && context.get(KEY) instanceof McpCaller caller
        ? caller
        : new McpCaller(false);
  }
}
