package org.agentry.client.model;

import java.util.List;

/** An offset page of threads, newest first. */
public record ThreadPage(List<AgentThread> items, long total, int offset, int limit) {}
