package org.agentry.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;

/** Stores and changes tasks behind the boundaries' backs, for the lease tests. */
@Stateless
public class TaskProbe {

  @PersistenceContext EntityManager em;

  /**
   * A queued task that no message carries and the sweeper leaves alone: only the test claims it.
   */
  public String queuedTask(String agent) {
    var spec = new TaskSpec("fenced", 4, List.of(), null, null, null, null, null, null);
    var task = new Task("default", agent, spec, 3, Instant.now());
    task.enqueued(Instant.now()); // so the sweeper leaves it alone (it resends after 120 s)
    em.persist(task);
    return task.getId();
  }

  /** A task submitted with this idempotency key at that time (and then forgotten by the queue). */
  public String keyedTask(String agent, String key, String hash, Instant createdAt) {
    var spec = new TaskSpec("keyed", 4, List.of(), null, null, null, null, null, null);
    var task = new Task("default", agent, spec, 3, createdAt);
    task.submittedWith(key, hash);
    task.enqueued(Instant.now());
    em.persist(task);
    return task.getId();
  }

  /** What happens when a lease lapses and the sweeper re-queues the task, minus the message. */
  public void lapse(String taskId) {
    em.find(Task.class, taskId).requeue(null, Instant.now());
  }

  /**
   * Claims the task as a consumer would, holding its row locked until {@code release} opens: says
   * so on {@code locked} first.
   */
  public void claimSlowly(String taskId, CountDownLatch locked, CountDownLatch release)
      throws InterruptedException {
    var task = em.find(Task.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    task.claim("node-slow", "token-slow", Instant.now().plusSeconds(30), Instant.now());
    em.flush();
    locked.countDown();
    release.await(30, TimeUnit.SECONDS);
  }

  /** The task as stored now. */
  public Task task(String taskId) {
    return em.find(Task.class, taskId);
  }
}
