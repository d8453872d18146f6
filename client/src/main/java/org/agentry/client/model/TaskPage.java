package org.agentry.client.model;

import java.util.List;

/**
 * A page of tasks, newest first; {@code nextCursor} (pass it as {@code cursor}) is null on the last
 * page.
 */
public record TaskPage(List<Task> items, String nextCursor) {}
