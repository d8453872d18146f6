package org.agentry.task.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.agentry.agent.control.RunOutcome;
import org.agentry.agent.entity.Agent;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.StopReason;
import org.agentry.session.boundary.Conversations;
import org.agentry.session.boundary.TurnStart;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;

/**
 * A node's side of running tasks, each step in its own short transaction: claiming a task with a
 * lease, starting its run, recording its steps as events, renewing and expiring leases, and writing
 * its outcome. Every write after the claim checks that this node still holds the lease.
 */
@Stateless
public class TaskRuns {

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject Conversations conversations;
  @Inject TaskDispatch dispatch;

  /**
   * Claims a task: {@code queued → running} with a lease, in one conditional update. Nothing is
   * claimed while dispatch or the task's agent is paused.
   *
   * @return whether this node got the task
   */
  public boolean claim(String taskId, String node, Duration lease) {
    var task = em.find(Task.class, taskId);
    var now = now();
    if (task == null || !task.isRunnable(now) || dispatch.paused()) {
      return false;
    }
    var agent = em.find(Agent.class, task.getAgent());
    if (agent != null && agent.isPaused()) {
      return false;
    }
    int claimed =
        em.createQuery(
                "UPDATE Task t SET t.status = :running, t.leaseOwner = :node,"
                    + " t.leaseExpiresAt = :expires, t.attempts = t.attempts + 1,"
                    + " t.startedAt = :now, t.updatedAt = :now, t.version = t.version + 1"
                    + " WHERE t.id = :id AND t.status = :queued"
                    + " AND (t.notBefore IS NULL OR t.notBefore <= :now)")
            .setParameter("running", TaskStatus.RUNNING)
            .setParameter("queued", TaskStatus.QUEUED)
            .setParameter("node", node)
            .setParameter("expires", now.plus(lease))
            .setParameter("now", now)
            .setParameter("id", taskId)
            .executeUpdate();
    if (claimed == 1) {
      events.append(
          taskId,
          task.getAgent(),
          TaskEvents.STATUS,
          Json.createObjectBuilder()
              .add("status", "running")
              .add("node", node)
              .add("attempt", task.getAttempts() + 1)
              .build());
    }
    return claimed == 1;
  }

  /**
   * Starts a claimed task's run: opens or continues its session and delivers its input once.
   *
   * @throws org.agentry.platform.boundary.UnknownResourceException if its agent, provider or
   *     session is gone
   */
  public TaskStart begin(String taskId) {
    var task = em.find(Task.class, taskId);
    var input = task.isInputDelivered() ? null : task.getInput();
    var turn = conversations.begin(task.getAgent(), task.getSessionId(), input);
    // a bulk update: the lease keeper may touch the row meanwhile, and this must not conflict
    em.createQuery(
            "UPDATE Task t SET t.sessionId = :session, t.inputDelivered = TRUE WHERE t.id = :id")
        .setParameter("session", turn.sessionId())
        .setParameter("id", taskId)
        .executeUpdate();
    if (input != null) {
      events.append(
          taskId,
          task.getAgent(),
          TaskEvents.MESSAGE,
          Json.createObjectBuilder().add("role", "user").add("content", input).build());
    }
    return new TaskStart(withLimits(turn, task), input);
  }

  private static TurnStart withLimits(TurnStart turn, Task task) {
    var spec = turn.spec();
    var agentLimits = spec.limits();
    var taskSpec = task.spec();
    var limits =
        new AgentLimits(
            taskSpec.maxIterations() != null
                ? taskSpec.maxIterations()
                : agentLimits.maxIterations(),
            taskSpec.maxDurationSeconds() != null
                ? taskSpec.maxDurationSeconds()
                : agentLimits.maxDurationSeconds(),
            taskSpec.tokenBudget() != null ? taskSpec.tokenBudget() : agentLimits.tokenBudget());
    var limited =
        new AgentSpec(
            spec.description(),
            spec.systemPrompt(),
            spec.provider(),
            spec.model(),
            spec.temperature(),
            spec.maxOutputTokens(),
            spec.tools(),
            limits,
            spec.enabled());
    return new TurnStart(turn.agent(), limited, turn.provider(), turn.sessionId(), turn.history());
  }

  /**
   * Writes a run's outcome, if this node still holds the task's lease.
   *
   * @param retryBase how long a retriable provider failure waits before the second attempt; it
   *     doubles with each further attempt
   */
  public void finish(String taskId, String node, RunOutcome outcome, Duration retryBase) {
    var task = heldBy(taskId, node);
    if (task == null) {
      return;
    }
    var now = now();
    conversations.finish(task.getSessionId());
    if (outcome.isWaiting()) {
      task.waitFor(outcome.question(), outcome.pendingCallId(), now);
      status(task, Json.createObjectBuilder().add("question", outcome.question()), "waiting");
      return;
    }
    var reason = outcome.stopReason();
    switch (reason) {
      case COMPLETED -> {
        task.finish(TaskStatus.COMPLETED, outcome.reply(), reason.apiName(), now);
        events.append(
            taskId,
            task.getAgent(),
            TaskEvents.MESSAGE,
            Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", outcome.reply() == null ? "" : outcome.reply())
                .build());
      }
      case CANCELLED -> task.finish(TaskStatus.CANCELLED, null, reason.apiName(), now);
      case PROVIDER_ERROR -> {
        if (outcome.retriable() && task.getAttempts() < task.getMaxAttempts()) {
          var wait = retryBase.multipliedBy(1L << Math.min(task.getAttempts() - 1, 6));
          task.requeue(now.plus(wait), now);
          status(task, Json.createObjectBuilder().add("reason", "provider_error"), "queued");
          return;
        }
        task.fail("PROVIDER_ERROR", outcome.error(), reason.apiName(), now);
      }
      default ->
          task.fail(reason.name(), "The run stopped: " + reason.apiName(), reason.apiName(), now);
    }
    status(
        task,
        Json.createObjectBuilder().add("stopReason", reason.apiName()),
        task.getStatus().apiName());
  }

  /** Fails a claimed task whose run could not start (its agent, provider or session is gone). */
  public void failStart(String taskId, String node, String code, String message) {
    var task = heldBy(taskId, node);
    if (task != null) {
      task.fail(code, message, null, now());
      status(task, Json.createObjectBuilder().add("error", code), "failed");
    }
  }

  private Task heldBy(String taskId, String node) {
    var task = em.find(Task.class, taskId);
    if (task == null
        || task.getStatus() != TaskStatus.RUNNING
        || !node.equals(task.getLeaseOwner())) {
      return null;
    }
    return task;
  }

  /** Appends a step event, if the task still exists. */
  public void event(String taskId, String agent, String type, JsonObject data) {
    if (em.find(Task.class, taskId) != null) {
      events.append(taskId, agent, type, data);
    }
  }

  /** Appends a {@code model.request} event noting the session's last message id. */
  public void modelRequest(
      String taskId, String agent, String sessionId, int iteration, int messages) {
    Long last =
        em.createQuery("SELECT MAX(m.id) FROM Message m WHERE m.sessionId = :s", Long.class)
            .setParameter("s", sessionId)
            .getSingleResult();
    event(
        taskId,
        agent,
        TaskEvents.MODEL_REQUEST,
        Json.createObjectBuilder()
            .add("iteration", iteration)
            .add("messages", messages)
            .add("lastMessageId", last == null ? 0 : last)
            .build());
  }

  /**
   * Whether the run should stop: someone asked the task to stop, or this node no longer holds it
   * (its lease expired and another node may run it), or it is gone.
   */
  public boolean shouldStop(String taskId, String node) {
    var task = em.find(Task.class, taskId);
    return task == null
        || task.isCancelRequested()
        || task.getStatus() != TaskStatus.RUNNING
        || !node.equals(task.getLeaseOwner());
  }

  /** Of these tasks, those someone asked to stop. */
  public List<String> cancelRequested(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.id IN :ids AND t.cancelRequested = TRUE", String.class)
        .setParameter("ids", taskIds)
        .getResultList();
  }

  /** Extends the leases this node holds on these tasks. */
  public int renewLeases(String node, Collection<String> taskIds, Duration lease) {
    if (taskIds.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "UPDATE Task t SET t.leaseExpiresAt = :expires"
                + " WHERE t.leaseOwner = :node AND t.status = :running AND t.id IN :ids")
        .setParameter("expires", now().plus(lease))
        .setParameter("node", node)
        .setParameter("running", TaskStatus.RUNNING)
        .setParameter("ids", taskIds)
        .executeUpdate();
  }

  /** Notes that a message for the task went to the queue. */
  public void markEnqueued(String taskId) {
    em.createQuery("UPDATE Task t SET t.enqueuedAt = :now WHERE t.id = :id")
        .setParameter("now", now())
        .setParameter("id", taskId)
        .executeUpdate();
  }

  /** Running tasks whose lease has expired: their node died or stalled. */
  public List<String> expiredLeases(int limit) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.status = :running AND t.leaseExpiresAt < :now",
            String.class)
        .setParameter("running", TaskStatus.RUNNING)
        .setParameter("now", now())
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Takes an expired lease back: the task is queued again, or fails as {@code DEAD_LETTERED} when
   * it used all its attempts, or ends cancelled when that was asked.
   *
   * @return whether the task is queued again
   */
  public boolean expireLease(String taskId) {
    var task = em.find(Task.class, taskId);
    var now = now();
    if (task == null
        || task.getStatus() != TaskStatus.RUNNING
        || task.getLeaseExpiresAt() == null
        || task.getLeaseExpiresAt().isAfter(now)) {
      return false;
    }
    if (task.isCancelRequested()) {
      task.finish(TaskStatus.CANCELLED, null, StopReason.CANCELLED.apiName(), now);
      status(task, Json.createObjectBuilder(), "cancelled");
      return false;
    }
    if (task.getAttempts() >= task.getMaxAttempts()) {
      task.fail(
          "DEAD_LETTERED",
          "No node finished the task in " + task.getAttempts() + " attempts.",
          null,
          now);
      status(task, Json.createObjectBuilder().add("error", "DEAD_LETTERED"), "failed");
      return false;
    }
    task.requeue(null, now);
    status(task, Json.createObjectBuilder().add("reason", "lease_expired"), "queued");
    return true;
  }

  private void status(Task task, jakarta.json.JsonObjectBuilder data, String status) {
    events.append(
        task.getId(), task.getAgent(), TaskEvents.STATUS, data.add("status", status).build());
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
