package org.agentry.task.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.platform.control.Broker;
import org.agentry.task.entity.DispatchState;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;

/**
 * Puts runnable tasks on the JMS task queue ({@value #QUEUE}) with their priority, and holds the
 * cluster-wide dispatch switch. Sending is not part of any database transaction: a task is
 * committed first and sent after; if the send is lost, the sweeper sends it again.
 */
@Stateless
public class TaskDispatch {

  /** The physical name of the task queue. */
  public static final String QUEUE = "agentry.tasks";

  /**
   * Dispatch state: whether it is paused, queued tasks by priority, running tasks by node.
   *
   * @param queueDepth priority (9 to 0) → queued tasks
   * @param running node id → running tasks
   */
  public record State(boolean paused, Map<Integer, Long> queueDepth, Map<String, Long> running) {}

  private static final Logger LOG = Logger.getLogger(TaskDispatch.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Broker broker;
  @Inject TaskRuns runs;

  /**
   * Sends the task's id to the queue if it is runnable now and dispatch is not paused; a task that
   * cannot be sent stays queued for the sweeper.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void enqueue(String taskId) {
    var task = em.find(Task.class, taskId);
    if (task == null || !task.isRunnable(now()) || paused()) {
      return;
    }
    try {
      broker.send(QUEUE, taskId, task.getPriority());
      runs.markEnqueued(taskId);
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "Task " + taskId + " not sent; the sweeper will send it", e);
    }
  }

  /** Whether dispatch is paused: no node claims tasks then. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean paused() {
    var state = em.find(DispatchState.class, DispatchState.ID);
    return state != null && state.isPaused();
  }

  /** Pauses dispatch everywhere; running tasks go on. */
  public State pause() {
    em.find(DispatchState.class, DispatchState.ID).pause(now());
    return state();
  }

  /** Resumes dispatch; the caller then enqueues {@link #runnable}. */
  public State resume() {
    em.find(DispatchState.class, DispatchState.ID).resume(now());
    return state();
  }

  /** Runnable queued tasks, highest priority first, oldest first within a priority. */
  public List<String> runnable(Instant staleBefore, int limit) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.status = :queued"
                + " AND (t.notBefore IS NULL OR t.notBefore <= :now)"
                + " AND (t.enqueuedAt IS NULL OR t.enqueuedAt < :stale)"
                + " ORDER BY t.priority DESC, t.createdAt",
            String.class)
        .setParameter("queued", TaskStatus.QUEUED)
        .setParameter("now", now())
        .setParameter("stale", staleBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The dispatch state. */
  public State state() {
    var depth = new TreeMap<Integer, Long>(java.util.Comparator.reverseOrder());
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

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
