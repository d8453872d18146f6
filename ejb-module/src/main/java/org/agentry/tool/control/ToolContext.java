package org.agentry.tool.control;

import java.nio.file.Path;

/**
 * Who calls a tool.
 *
 * @param agent the agent's name
 * @param sessionId the session, or null
 * @param taskId the task, or null for a chat
 * @param workspace the agent's workspace directory, the only place file tools may touch
 */
public record ToolContext(String agent, String sessionId, String taskId, Path workspace) {}
