package org.agentry.client.model;

import java.util.List;

/** An offset page of sessions (or threads), newest first; {@code total} counts every match. */
public record SessionPage(List<Session> items, long total, int offset, int limit) {}
