package org.agentry.task.control;

/**
 * Fired, as a CDI event, by a transaction that made a task runnable now (submitted, answered,
 * re-queued); observed after that transaction commits, to put the task on the JMS queue.
 *
 * @param priority the task's JMS priority, 0–9
 */
public record TaskReady(String taskId, int priority) {}
