package org.agentry.mcp.boundary;

import java.util.Map;

/**
 * One tool of an MCP server, as the server lists it.
 *
 * @param name the tool's name on the server (what {@code mcp:<server>/<tool>} names)
 * @param modelName the name an agent's model sees, {@code mcp_<server>_<tool>} sanitized
 * @param description what the server says the tool does, or null
 * @param inputSchema the JSON schema of its arguments, as the server gives it
 */
public record McpToolInfo(
    String name, String modelName, String description, Map<String, Object> inputSchema) {}
