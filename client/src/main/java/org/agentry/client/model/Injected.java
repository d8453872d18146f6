package org.agentry.client.model;

/** What an injected message started: its thread, the stored message and the agent's task. */
public record Injected(String threadId, long messageId, String taskId) {}
