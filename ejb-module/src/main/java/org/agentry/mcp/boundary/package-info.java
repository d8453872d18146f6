/**
 * The MCP server registry ({@link org.agentry.mcp.boundary.McpServers}): registering, changing and
 * removing the MCP servers agents may use, and listing a server's tools. Transactions start here;
 * nothing here keeps one open while it talks to a server.
 */
package org.agentry.mcp.boundary;
