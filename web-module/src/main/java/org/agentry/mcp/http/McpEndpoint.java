package org.agentry.mcp.http;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.agentry.platform.rest.Problems;
import org.agentry.platform.rest.ServletProblems;
import org.agentry.security.entity.Role;

/**
 * {@code /mcp}: the MCP streamable HTTP transport (MCP specification 2025-06-18, "Streamable
 * HTTP"), served by the MCP Java SDK's servlet, behind Agentry's authentication. A request without
 * a valid bearer token gets 401 (from the authentication mechanism, as under {@code /api}), one
 * without the viewer role 403; before each request the agent tools are brought up to date, so that
 * {@code tools/list} reflects agents added, paused or removed.
 */
@WebServlet(urlPatterns = "/mcp", asyncSupported = true)
public class McpEndpoint extends HttpServlet {

  @Inject AgentryMcpTools tools;

  private HttpServletStreamableServerTransportProvider transport;
  private McpSyncServer server;

  @Override
  public void init() throws ServletException {
    transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint("/mcp")
            .contextExtractor(McpCaller::context)
            .keepAliveInterval(Duration.ofSeconds(30))
            .build();
    server =
        McpServer.sync(transport)
            .serverInfo("agentry", org.agentry.platform.boundary.SystemInfo.version())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .immediateExecution(true)
            .tools(tools.fixed())
            .build();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getUserPrincipal() == null) {
      ServletProblems.write(response, Problems.forStatus(401));
      return;
    }
    if (!request.isUserInRole(Role.VIEWER_NAME)) {
      ServletProblems.write(response, Problems.forStatus(403));
      return;
    }
    if ("POST".equals(request.getMethod())) {
      tools.sync(server);
    }
    transport.service(request, response);
  }

  @Override
  public void destroy() {
    if (server != null) {
      server.close();
    }
  }
}
