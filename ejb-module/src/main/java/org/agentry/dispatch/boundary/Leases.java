package org.agentry.dispatch.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentry.agent.entity.StopReason;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;

/**
 * Task leases: renewed every few seconds by the node that holds them, taken back by the sweeper
 * when they expire. Renewal is one native update that leaves the task's version alone, so that it
 * never conflicts with the run's own writes.
 */
@Stateless
public class Leases {

  /**
   * What a renewal found out about this node's runs.
   *
   * @param lost tasks no longer held with the run's token: the run must stop without writing
   * @param cancelRequested tasks someone asked to cancel
   */
  public record Renewal(Set<String> lost, Set<String> cancelRequested) {}

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject Event<TaskEnded> ended;
  @Inject Event<TaskReady> ready;
  @Inject Clock clock;

  /**
   * Extends the leases of these runs by {@code lease}.
   *
   * @param held task id → the lease token its run holds
   */
  public Renewal renew(Map<String, String> held, Duration lease) {
    var lost = new HashSet<>(held.keySet());
    var cancelled = new HashSet<String>();
    var holding = new ArrayList<String>();
    for (var row :
        em.createQuery(
                "SELECT t.id, t.leaseToken, t.status, t.cancelRequested FROM Task t"
                    + " WHERE t.id IN :ids",
                Object[].class)
            .setParameter("ids", held.keySet())
            .getResultList()) {
      var id = (String) row[0];
      if (row[2] == TaskStatus.RUNNING && held.get(id).equals(row[1])) {
        lost.remove(id);
        holding.add(id);
        if (Boolean.TRUE.equals(row[3])) {
          cancelled.add(id);
        }
      }
    }
    if (!holding.isEmpty()) {
      extend(holding, held, lease);
    }
    return new Renewal(lost, cancelled);
  }

  private void extend(List<String> ids, Map<String, String> held, Duration lease) {
    var marks = String.join(",", ids.stream().map(id -> "?").toList());
    var update =
        em.createNativeQuery(
            "UPDATE task SET lease_expires_at = ? WHERE status = 'RUNNING' AND id IN ("
                + marks
                + ") AND lease_token IN ("
                + marks
                + ")");
    int position = 1;
    update.setParameter(position++, clock.instant().plus(lease).atOffset(ZoneOffset.UTC));
    for (var id : ids) {
      update.setParameter(position++, id);
    }
    for (var id : ids) {
      update.setParameter(position++, held.get(id));
    }
    update.executeUpdate();
  }

  /** Running tasks whose lease has expired: their node died or stalled. */
  public List<String> expired(int limit) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.status = :running AND t.leaseExpiresAt < :now",
            String.class)
        .setParameter("running", TaskStatus.RUNNING)
        .setParameter("now", clock.instant())
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Takes an expired lease back: the task is queued again (and sent after the commit), or fails as
   * {@code DEAD_LETTERED} when it used all its attempts, or ends cancelled when that was asked.
   *
   * @return whether the task is queued again
   */
  public boolean expire(String taskId) {
    var task = em.find(Task.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    var now = clock.instant();
    if (task == null
        || task.getStatus() != TaskStatus.RUNNING
        || task.getLeaseExpiresAt() == null
        || task.getLeaseExpiresAt().isAfter(now)) {
      return false;
    }
    if (task.isCancelRequested()) {
      task.finish(TaskStatus.CANCELLED, null, StopReason.CANCELLED.apiName(), now);
      append(task, Status.of("cancelled"));
      ended.fire(new TaskEnded(task));
      events.write();
      return false;
    }
    if (task.getAttempts() >= task.getMaxAttempts()) {
      task.fail(
          "DEAD_LETTERED",
          "No node finished the task in " + task.getAttempts() + " attempts.",
          null,
          now);
      append(task, Status.failed("DEAD_LETTERED"));
      ended.fire(new TaskEnded(task));
      events.write();
      return false;
    }
    task.requeue(null, now);
    task.enqueued(now);
    append(task, Status.requeued("lease_expired"));
    events.write();
    ready.fire(new TaskReady(task.getId(), task.getPriority()));
    return true;
  }

  private void append(Task task, TaskEvents.Data data) {
    events.append(task.getId(), task.getAgent(), data);
  }
}
