/**
 * Agentry as an MCP client: connections to registered MCP servers (cached per server, rebuilt when
 * its settings change or a call fails), the mapping of their tools to names a model accepts, and
 * the {@link org.agentry.tool.control.ToolSource} through which agents listing {@code
 * mcp:<server>/<tool>} or {@code mcp:<server>/*} call them like built-in tools. Built on the
 * official MCP Java SDK; the wire protocol is the SDK's.
 */
package org.agentry.mcp.control;
