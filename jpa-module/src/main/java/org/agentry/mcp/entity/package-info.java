/**
 * MCP servers registered as tool sources: how to reach each one (a command run over stdio, or a
 * streamable HTTP URL) and its sealed secrets. Connecting and calling is the ejb-module's {@code
 * mcp.control}.
 */
package org.agentry.mcp.entity;
