package org.agentry.dispatch.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agentry.audit.control.AuditLog;
import org.agentry.dispatch.control.DispatchSwitch;
import org.agentry.task.control.TaskReady;
import org.agentry.task.control.TasksReady;
import org.agentry.task.entity.DispatchState;
import org.agentry.task.entity.TaskStatus;

/**
 * The cluster-wide dispatch switch, the dispatch state, and (re)sending runnable tasks to the JMS
 * task queue: a task is marked sent in a transaction and its message goes out after the commit
 * ({@link org.agentry.dispatch.control.Enqueuer}).
 */
@Stateless
public class TaskDispatch {

  @Inject AuditLog audit;

  /**
   * Dispatch state: whether it is paused, queued tasks by priority, running tasks by node.
   *
   * @param queueDepth priority (9 to 0) → queued tasks
   * @param running node id → running tasks
   */
  public record State(boolean paused, Map<Integer, Long> queueDepth, Map<String, Long> running) {}

  /** Tasks read per query when sending: 500. */
  private static final int CHUNK = 500;

  @PersistenceContext EntityManager em;

  @Inject DispatchSwitch dispatchSwitch;
  @Inject Event<TasksReady> ready;
  @Inject Clock clock;

  /**
   * Sends those of these tasks that are runnable now, unless dispatch is paused: they are marked
   * sent here and go to the broker in one transaction after this one commits, in the given order.
   *
   * @return how many were sent
   */
  public int send(List<String> taskIds) {
    if (dispatchSwitch.paused()) {
      return 0;
    }
    var now = clock.instant();
    var sent = new ArrayList<TaskReady>();
    for (int from = 0; from < taskIds.size(); from += CHUNK) {
      var chunk = taskIds.subList(from, Math.min(taskIds.size(), from + CHUNK));
      var priorities = new HashMap<String, Integer>();
      em.createQuery(
              "SELECT t.id, t.priority FROM Task t WHERE t.id IN :ids AND t.status = :queued"
                  + " AND (t.notBefore IS NULL OR t.notBefore <= :now)",
              Object[].class)
          .setParameter("ids", chunk)
          .setParameter("queued", TaskStatus.QUEUED)
          .setParameter("now", now)
          .getResultList()
          .forEach(row -> priorities.put((String) row[0], ((Number) row[1]).intValue()));
      if (priorities.isEmpty()) {
        continue;
      }
      // one statement, and no version bump: marking a task sent must not make a claim of it (on
      // this node's sweeper or another node) fail as a conflict, nor fail on one itself
      em.createQuery(
              "UPDATE Task t SET t.enqueuedAt = :now WHERE t.id IN :ids AND t.status = :queued")
          .setParameter("now", now)
          .setParameter("ids", List.copyOf(priorities.keySet()))
          .setParameter("queued", TaskStatus.QUEUED)
          .executeUpdate();
      for (var id : chunk) {
        var priority = priorities.get(id);
        if (priority != null) {
          sent.add(new TaskReady(id, priority));
        }
      }
    }
    if (!sent.isEmpty()) {
      ready.fire(new TasksReady(sent));
    }
    return sent.size();
  }

  /** Whether dispatch is paused: no node claims tasks then. */
  public boolean paused() {
    return dispatchSwitch.paused();
  }

  /** Pauses dispatch everywhere; running tasks go on. */
  public State pause() {
    audit.record("dispatch.pause", "dispatch", null);
    em.find(DispatchState.class, DispatchState.ID).pause(clock.instant());
    dispatchSwitch.changed(true);
    return state();
  }

  /** Resumes dispatch and sends every runnable queued task, highest priority first. */
  public State resume() {
    audit.record("dispatch.resume", "dispatch", null);
    em.find(DispatchState.class, DispatchState.ID).resume(clock.instant());
    dispatchSwitch.changed(false);
    send(runnable(clock.instant(), Integer.MAX_VALUE));
    return state();
  }

  /**
   * Runnable queued tasks, highest priority first, oldest first within a priority.
   *
   * @param staleBefore only tasks not sent since this instant (or never)
   */
  public List<String> runnable(Instant staleBefore, int limit) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.status = :queued"
                + " AND (t.notBefore IS NULL OR t.notBefore <= :now)"
                + " AND (t.enqueuedAt IS NULL OR t.enqueuedAt < :stale)"
                + " ORDER BY t.priority DESC, t.createdAt",
            String.class)
        .setParameter("queued", TaskStatus.QUEUED)
        .setParameter("now", clock.instant())
        .setParameter("stale", staleBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The dispatch state. */
  public State state() {
    var depth = new TreeMap<Integer, Long>(Comparator.reverseOrder());
    em.createQuery(
            "SELECT t.priority, COUNT(t) FROM Task t WHERE t.status = :queued GROUP BY t.priority",
            Object[].class)
        .setParameter("queued", TaskStatus.QUEUED)
        .getResultList()
        .forEach(row -> depth.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
    var running = new TreeMap<String, Long>();
    em.createQuery(
            "SELECT t.leaseOwner, COUNT(t) FROM Task t WHERE t.status = :running"
                + " GROUP BY t.leaseOwner",
            Object[].class)
        .setParameter("running", TaskStatus.RUNNING)
        .getResultList()
        .forEach(row -> running.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
    return new State(paused(), depth, running);
  }
}
