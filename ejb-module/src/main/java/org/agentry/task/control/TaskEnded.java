package org.agentry.task.control;

import org.agentry.task.entity.Task;

/**
 * Fired, as a synchronous CDI event, by the transaction that has just ended a task (completed,
 * failed, cancelled or dead-lettered), after the task's final state and status event are written.
 * Observers run inside that transaction, so what they write commits or rolls back with the task's
 * end: the delegation of the parent task, goals and workflow runs waiting for the task.
 *
 * @param task the managed task in its final state
 */
public record TaskEnded(Task task) {}
