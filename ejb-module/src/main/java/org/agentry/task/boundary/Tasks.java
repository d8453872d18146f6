package org.agentry.task.boundary;

import static java.time.temporal.ChronoUnit.HOURS;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.agentry.agent.entity.Agent;
import org.agentry.approval.control.PendingApprovals;
import org.agentry.audit.control.AuditLog;
import org.agentry.audit.control.AuditOrigin;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.payload.control.InvalidPayloadException;
import org.agentry.payload.control.PayloadSchemas;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.run.control.Admission;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.run.control.StepWriter;
import org.agentry.session.entity.Session;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.agentry.telemetry.control.Tracing;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tool.control.AskUserTool;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.entity.ToolCallOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tasks as their owners see them: submit (with an optional idempotency key), cancel, answer,
 * delete. A task that becomes runnable here is marked sent in the same transaction and goes to the
 * JMS queue after the commit ({@link TaskReady}); running it is the {@code dispatch} feature's.
 */
@Stateless
public class Tasks {

  @Inject AuditLog audit;
  @Inject AuditOrigin origin;
  @Inject PendingApprovals approvals;

  /**
   * A submitted task.
   *
   * @param created false when an idempotency key returned an earlier task
   */
  public record Submitted(Task task, boolean created) {}

  @PersistenceContext EntityManager em;

  @Inject Tracing tracing;
  @Inject TaskEvents events;
  @Inject StepWriter writer;
  @Inject Budgets budgets;
  @Inject Event<TaskReady> ready;
  @Inject Event<TaskEnded> ended;
  @Inject Clock clock;
  @Inject PayloadSchemas schemas;
  @Inject CallerTenant tenant;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.max-attempts", defaultValue = "3")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "agentry.tasks.idempotency-key-hours", defaultValue = "24")
  long idempotencyKeyHours;

  /**
   * Submits a task: it is stored {@code queued} with its first event.
   *
   * @param idempotencyKey the client's key, or null
   * @param requestHash SHA-256 hex of the request, compared when the key was seen before; null
   *     without a key
   * @throws UnknownResourceException for an unknown agent or session
   * @throws StateConflictException {@code AGENT_PAUSED}, {@code AGENT_DISABLED}, {@code
   *     SESSION_KILLED}, {@code SESSION_OF_OTHER_AGENT} or {@code IDEMPOTENCY_KEY_REUSED}
   * @throws InvalidPayloadException if the agent has a typed XML payload and the input is not a
   *     valid one
   */
  public Submitted submit(
      String agentName, TaskSpec spec, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      var earlier = byIdempotencyKey(agentName, idempotencyKey);
      if (earlier != null) {
        if (!earlier.getRequestHash().equals(requestHash)) {
          throw new StateConflictException(
              "IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key was used for a different request.");
        }
        return new Submitted(earlier, false);
      }
    }
    var row =
        em.createNamedQuery(Agent.WITH_BUDGET, Object[].class)
            .setParameter("tenant", tenant.id())
            .setParameter("name", agentName)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new UnknownResourceException("agent", agentName));
    var agent = (Agent) row[0];
    Admission.requireTakesWork(agent);
    budgets.requireAvailable(tenant.id(), agentName, (AgentBudget) row[1]);
    var payload = agent.spec().payload();
    if (payload != null) {
      schemas.validate(payload, spec.input());
    }
    checkSession(agentName, spec.sessionId());
    InvalidInputException.check(
        spec.parentTaskId() == null || owned(em.find(Task.class, spec.parentTaskId())) != null,
        "'parentTaskId' names no task");
    var task = new Task(tenant.id(), agentName, spec, maxAttempts, clock.instant());
    task.submittedWith(idempotencyKey, idempotencyKey == null ? null : requestHash);
    task.tracedFrom(tracing.currentTraceParent());
    em.persist(task);
    audit.record("task.submit", "task", task.getId(), "agent " + agentName);
    events.append(task.getId(), agentName, Status.queued(spec.priority()));
    sendAfterCommit(task);
    events.write(); // last: its insert flushes the task, which must be complete by then
    return new Submitted(task, true);
  }

  private void checkSession(String agent, String sessionId) {
    if (sessionId == null) {
      return;
    }
    var session = em.find(Session.class, sessionId);
    if (session == null || !session.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("session", sessionId);
    }
    Admission.requireContinuable(session, agent);
  }

  /**
   * The agent's task submitted with this key within the key's lifetime; an older one gives its key
   * up, so that the key can be used again.
   */
  private Task byIdempotencyKey(String agent, String key) {
    var earlier =
        em.createQuery(
                "SELECT t FROM Task t WHERE t.tenant = :tenant AND t.agent = :agent"
                    + " AND t.idempotencyKey = :key",
                Task.class)
            .setParameter("tenant", tenant.id())
            .setParameter("agent", agent)
            .setParameter("key", key)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (earlier != null
        && earlier.getCreatedAt().isBefore(clock.instant().minus(idempotencyKeyHours, HOURS))) {
      earlier.forgetIdempotencyKey();
      em.flush(); // before the new task takes the key
      return null;
    }
    return earlier;
  }

  /**
   * The task.
   *
   * @throws UnknownResourceException if there is none
   */
  public Task get(String id) {
    var task = id == null ? null : owned(em.find(Task.class, id));
    if (task == null) {
      throw new UnknownResourceException("task", id);
    }
    return task;
  }

  /**
   * Cancels a task: a queued or waiting one at once, with the child tasks its delegate calls
   * started; a running one is asked to stop, which it does at its next step (the caller then aborts
   * its model call if it runs on this node). A cancelled child's end reaches its parent as the
   * delegate call's error.
   *
   * @throws StateConflictException {@code TASK_FINISHED} if it has ended
   */
  public Task cancel(String id) {
    audit.record("task.cancel", "task", id);
    var task = get(id);
    switch (task.getStatus()) {
      case QUEUED, WAITING -> {
        task.finish(TaskStatus.CANCELLED, null, "cancelled", clock.instant());
        approvals.cancelFor(id, origin.known() ? origin.subject() : "system");
        events.append(id, task.getAgent(), Status.of("cancelled"));
        ended.fire(new TaskEnded(task));
      }
      case RUNNING -> {
        // native: the flag must not bump the version the running step writes against
        em.createNativeQuery("UPDATE task SET cancel_requested = TRUE WHERE id = ?")
            .setParameter(1, id)
            .executeUpdate();
        events.append(id, task.getAgent(), Status.cancelAsked());
      }
      default -> throw new StateConflictException("TASK_FINISHED", "The task has ended already.");
    }
    events.write();
    return task;
  }

  /**
   * Answers the question a waiting task's agent asked, and puts the task back in the queue. For a
   * task waiting on a tool error ({@code tool.escalated}) the answer becomes the failed call's
   * result, which the model reads when the run resumes.
   *
   * @throws StateConflictException {@code TASK_NOT_WAITING} if it does not wait for an answer (also
   *     when it waits for an approval, which {@code /api/v1/approvals} decides)
   */
  public Task respond(String id, String message) {
    audit.record("task.respond", "task", id);
    var task = get(id);
    if (task.getStatus() != TaskStatus.WAITING) {
      throw new StateConflictException("TASK_NOT_WAITING", "The task is not waiting for input.");
    }
    if (awaitsApproval(task)) {
      throw new StateConflictException(
          "TASK_NOT_WAITING",
          "The task waits for an approval, not an answer; decide it at /api/v1/approvals.");
    }
    var origin =
        new ToolCallOrigin(task.getTenant(), task.getAgent(), task.getSessionId(), task.getId());
    var escalated = escalatedTool(task);
    var call =
        ToolExecutionRequest.builder()
            .id(task.getPendingCallId())
            .name(escalated != null ? escalated.getString("name") : AskUserTool.NAME)
            .arguments(escalated != null ? escalated.getString("arguments", "{}") : "{}")
            .build();
    writer.toolRun(origin, new ToolRun(call, new ToolOutcome(message, null, 0)));
    if (escalated != null) { // the call's end, which the run left to the person's answer
      events.append(id, task.getAgent(), new TaskEvents.ToolEnd(call.id(), call.name(), 0, null));
    }
    events.append(id, task.getAgent(), new TaskEvents.Text("user", message));
    task.resumeWithAnswer(clock.instant());
    events.append(id, task.getAgent(), Status.of("queued"));
    sendAfterCommit(task);
    events.write();
    return task;
  }

  /**
   * The {@code tool.escalated} event of the call the task waits on, or null when it waits for the
   * answer to an {@code ask_user} question.
   */
  private jakarta.json.JsonObject escalatedTool(Task task) {
    var data =
        em.createQuery(
                "SELECT e.data FROM TaskEvent e WHERE e.taskId = :task AND e.type = :type"
                    + " ORDER BY e.id DESC",
                String.class)
            .setParameter("task", task.getId())
            .setParameter("type", TaskEvents.TOOL_ESCALATED)
            .setMaxResults(1)
            .getResultList();
    if (data.isEmpty()) {
      return null;
    }
    try (var reader = org.agentry.platform.entity.Jsons.createReader(data.get(0))) {
      var event = reader.readObject();
      var pending = task.getPendingCallId() == null ? "" : task.getPendingCallId();
      return pending.equals(event.getString("callId", null)) ? event : null;
    }
  }

  private boolean awaitsApproval(Task task) {
    return !em.createQuery(
            "SELECT a.id FROM Approval a WHERE a.taskId = :task AND a.toolCallId = :call"
                + " AND a.status = :status",
            String.class)
        .setParameter("task", task.getId())
        .setParameter("call", task.getPendingCallId() == null ? "" : task.getPendingCallId())
        .setParameter("status", org.agentry.approval.entity.ApprovalStatus.PENDING)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Deletes a task and its events.
   *
   * @param force cancel an active task first instead of refusing
   * @throws StateConflictException {@code TASK_ACTIVE} for an active task without force
   */
  public void delete(String id, boolean force) {
    audit.record("task.delete", "task", id, force ? "force" : null);
    var task = get(id);
    if (!task.getStatus().isTerminal() && !force) {
      throw new StateConflictException(
          "TASK_ACTIVE", "The task is " + task.getStatus().apiName() + "; cancel it or use force.");
    }
    if (!task.getStatus().isTerminal()) {
      cancel(id);
    }
    em.createQuery("DELETE FROM TaskEvent e WHERE e.taskId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(task);
  }

  /**
   * Marks a task runnable now as sent, to go to the queue once this transaction commits (unless
   * dispatch is paused then: resuming sends it).
   */
  private void sendAfterCommit(Task task) {
    var now = clock.instant();
    if (task.isRunnable(now)) {
      task.enqueued(now);
      ready.fire(new TaskReady(task.getId(), task.getPriority()));
    }
  }

  /** The task if it belongs to the caller's tenant, else null: another tenant's task is unknown. */
  private Task owned(Task task) {
    return task != null && task.getTenant().equals(tenant.id()) ? task : null;
  }
}
