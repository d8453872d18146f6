package org.agentry.task.control;

import java.util.List;

/**
 * Fired, as a CDI event, by a transaction that made many tasks runnable at once (a dispatch resume,
 * the sweeper's re-send); observed after that transaction commits, to put them on the JMS queue in
 * one broker transaction.
 *
 * @param tasks the tasks, in the order they should be sent
 */
public record TasksReady(List<TaskReady> tasks) {}
