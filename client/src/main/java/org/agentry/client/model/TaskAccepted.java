package org.agentry.client.model;

/**
 * The 202 answer to a task submit or a schedule's run-now.
 *
 * @param status {@code queued} (or the status of the task an idempotency key already named)
 */
public record TaskAccepted(String taskId, String status) {}
