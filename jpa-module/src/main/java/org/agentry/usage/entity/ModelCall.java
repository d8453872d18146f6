package org.agentry.usage.entity;

/**
 * Who called which model: the identity part of a usage record.
 *
 * @param tenant the agent's tenant
 * @param sessionId the session, or null for work outside one
 * @param taskId the task, or null for a chat
 */
public record ModelCall(
    String tenant, String provider, String model, String agent, String sessionId, String taskId) {}
