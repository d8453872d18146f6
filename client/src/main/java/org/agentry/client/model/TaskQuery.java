package org.agentry.client.model;

/**
 * Filters of {@code GET /api/v1/tasks}; null members filter nothing.
 *
 * @param status e.g. {@code running}
 * @param priority 0–9
 * @param tag matched literally
 * @param createdFrom ISO-8601 instant, inclusive
 * @param createdTo ISO-8601 instant, exclusive
 * @param limit page size 1–200 (server default 50)
 * @param order {@code desc} (newest first; null means the same) or {@code asc} (oldest first)
 * @param parentTaskId only the tasks this task delegated to
 */
public record TaskQuery(
    String agent,
    String status,
    Integer priority,
    String tag,
    String createdFrom,
    String createdTo,
    Integer limit,
    String order,
    String parentTaskId) {

  /** Filters in the server's default order, newest first. */
  public TaskQuery(
      String agent,
      String status,
      Integer priority,
      String tag,
      String createdFrom,
      String createdTo,
      Integer limit) {
    this(agent, status, priority, tag, createdFrom, createdTo, limit, null, null);
  }

  /** No filter. */
  public static TaskQuery all() {
    return new TaskQuery(null, null, null, null, null, null, null);
  }

  /** The tasks of one agent. */
  public static TaskQuery ofAgent(String agent) {
    return new TaskQuery(agent, null, null, null, null, null, null);
  }

  /** This query with another page size. */
  public TaskQuery withLimit(Integer pageSize) {
    return new TaskQuery(
        agent, status, priority, tag, createdFrom, createdTo, pageSize, order, parentTaskId);
  }

  /** The same filters, oldest first ({@code "asc"}) or newest first ({@code "desc"}). */
  public TaskQuery withOrder(String direction) {
    return new TaskQuery(
        agent, status, priority, tag, createdFrom, createdTo, limit, direction, parentTaskId);
  }

  /** The tasks one task delegated to (its children). */
  public static TaskQuery childrenOf(String parentTaskId) {
    return new TaskQuery(null, null, null, null, null, null, null, null, parentTaskId);
  }
}
