package org.agentry.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.agentry.metrics.boundary.TaskCounts;

/**
 * The task gauges: tasks by status, queued tasks by priority, running tasks by node. One scrape
 * reads the database once: the snapshot is kept for a second, so its three gauges share it.
 */
@ApplicationScoped
public class TaskGauges {

  private static final long KEEP_NANOS = 1_000_000_000L;

  @Inject Metrics metrics;
  @Inject TaskCounts counts;

  private TaskCounts.Snapshot last;
  private long lastAt;

  private boolean registered;

  /** Registers the gauges, once; later calls do nothing. */
  public synchronized void register() {
    if (registered) {
      return;
    }
    registered = true;
    metrics.gauge(
        "agentry_tasks",
        "Tasks by status (cluster-wide, from the database)",
        cb -> snapshot().byStatus().forEach((status, n) -> cb.call(n, status)),
        "status");
    metrics.gauge(
        "agentry_queue_depth",
        "Queued tasks by priority (cluster-wide, from the database)",
        cb -> snapshot().queueDepth().forEach((p, n) -> cb.call(n, String.valueOf(p))),
        "priority");
    metrics.gauge(
        "agentry_tasks_running",
        "Running tasks by node holding their lease (cluster-wide, from the database)",
        cb -> snapshot().running().forEach((node, n) -> cb.call(n, node)),
        "node");
  }

  private synchronized TaskCounts.Snapshot snapshot() {
    long now = System.nanoTime();
    if (last == null || now - lastAt > KEEP_NANOS) {
      last = counts.now();
      lastAt = now;
    }
    return last;
  }
}
