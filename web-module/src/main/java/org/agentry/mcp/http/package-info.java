/**
 * Agentry as an MCP server at {@code /mcp} (MCP streamable HTTP transport, served by the official
 * MCP Java SDK's servlet): each enabled agent as a tool {@code run_agent_<name>}, plus {@code
 * submit_task} and {@code get_task}. Callers authenticate as for {@code /api} (bearer API key,
 * admin token or OIDC JWT); viewers list tools and read tasks, operators run agents and submit
 * tasks. Sessions live in this node's memory: behind a load balancer, keep a client on one node.
 */
package org.agentry.mcp.http;
