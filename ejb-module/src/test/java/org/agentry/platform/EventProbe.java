package org.agentry.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.agentry.task.control.TaskEvents;

/** Writes task events the way boundaries do, holding the transaction open before it commits. */
@Stateless
public class EventProbe {

  @Inject TaskEvents events;
  @PersistenceContext EntityManager em;
  @Resource SessionContext context;

  /**
   * Appends {@code count} events of the task in one transaction, then waits before committing (or
   * rolling back).
   */
  public void write(String taskId, int count, long holdMillis, boolean rollBack)
      throws InterruptedException {
    for (int i = 0; i < count; i++) {
      events.append(taskId, "probe", TaskEvents.Status.of("running"));
    }
    events.write();
    Thread.sleep(holdMillis);
    if (rollBack) {
      context.setRollbackOnly();
    }
  }

  /** The ids of the task's events as committed. */
  public List<Long> ids(String taskId) {
    return em.createQuery(
            "SELECT e.id FROM TaskEvent e WHERE e.taskId = :task ORDER BY e.id", Long.class)
        .setParameter("task", taskId)
        .getResultList();
  }
}
