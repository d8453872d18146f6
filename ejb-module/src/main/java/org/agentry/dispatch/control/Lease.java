package org.agentry.dispatch.control;

/**
 * What a run holds its task with: the token of its claim. Each claim gets a new token; a run whose
 * token is no longer the task's has lost the task and writes nothing more.
 */
public record Lease(String taskId, String token) {}
