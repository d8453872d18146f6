package org.agentry.client.model;

import java.util.List;

/** An offset page of messages across sessions, newest first. */
public record MessagePage(List<Message> items, long total, int offset, int limit) {}
