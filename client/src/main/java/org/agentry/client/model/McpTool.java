package org.agentry.client.model;

import java.util.Map;

/**
 * A tool an MCP server offers.
 *
 * @param name the server's name for it
 * @param modelName the name the model sees, {@code mcp_<server>_<tool>}
 * @param inputSchema its JSON Schema as the server gave it
 */
public record McpTool(
    String name, String modelName, String description, Map<String, Object> inputSchema) {}
