package org.agentry.tool.entity;

/**
 * Where a tool call came from.
 *
 * @param tenant the agent's tenant
 * @param sessionId the session, or null
 * @param taskId the task, or null for a chat
 */
public record ToolCallOrigin(String tenant, String agent, String sessionId, String taskId) {}
