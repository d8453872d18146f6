package org.agentry.task.boundary;

import java.time.Instant;
import org.agentry.task.entity.TaskStatus;

/**
 * Which tasks to list; null members do not filter.
 *
 * @param createdFrom inclusive
 * @param createdTo exclusive
 * @param parentTaskId only the tasks this task started (delegated children)
 */
public record TaskFilter(
    String agent,
    TaskStatus status,
    Integer priority,
    String tag,
    Instant createdFrom,
    Instant createdTo,
    String parentTaskId) {}
