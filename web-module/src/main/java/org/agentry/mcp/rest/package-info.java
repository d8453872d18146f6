/** {@code /api/v1/mcp-servers}: the MCP servers agents may use, and their tools. */
package org.agentry.mcp.rest;
