package org.agentry.client.model;

import java.util.Map;

/**
 * {@code GET /api/v1/dispatch}.
 *
 * @param paused whether nodes claim no tasks
 * @param queueDepth queued tasks by priority ({@code "7"} → count)
 * @param running running tasks by node
 */
public record DispatchState(
    boolean paused, Map<String, Long> queueDepth, Map<String, Long> running) {}
