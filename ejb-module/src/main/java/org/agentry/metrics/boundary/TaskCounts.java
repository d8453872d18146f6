package org.agentry.metrics.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.dispatch.boundary.TaskDispatch;
import org.agentry.task.entity.TaskStatus;

/** Counts of tasks for the metrics, read from the database (cluster-wide). */
@Stateless
public class TaskCounts {

  /**
   * Tasks now.
   *
   * @param byStatus status (as the API names it) → tasks, every status present
   * @param queueDepth priority → queued tasks
   * @param running node id → running tasks
   */
  public record Snapshot(
      Map<String, Long> byStatus, Map<Integer, Long> queueDepth, Map<String, Long> running) {}

  @PersistenceContext EntityManager em;

  @Inject TaskDispatch dispatch;

  /** The counts now. */
  public Snapshot now() {
    var byStatus = new TreeMap<String, Long>();
    for (var status : TaskStatus.values()) {
      byStatus.put(status.apiName(), 0L);
    }
    em.createQuery("SELECT t.status, COUNT(t) FROM Task t GROUP BY t.status", Object[].class)
        .getResultList()
        .forEach(
            row -> byStatus.put(((TaskStatus) row[0]).apiName(), ((Number) row[1]).longValue()));
    var state = dispatch.state();
    return new Snapshot(byStatus, state.queueDepth(), state.running());
  }
}
