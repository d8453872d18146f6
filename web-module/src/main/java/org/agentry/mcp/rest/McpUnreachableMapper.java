package org.agentry.mcp.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.mcp.boundary.McpUnreachableException;
import org.agentry.platform.rest.Problem;

/** 502 {@code MCP_SERVER_UNREACHABLE}: the MCP server could not be started or reached. */
@Provider
public class McpUnreachableMapper implements ExceptionMapper<McpUnreachableException> {

  @Override
  public Response toResponse(McpUnreachableException e) {
    return new Problem(502, "MCP_SERVER_UNREACHABLE", "Bad gateway", e.getMessage()).toResponse();
  }
}
