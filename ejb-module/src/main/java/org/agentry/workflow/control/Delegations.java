package org.agentry.workflow.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.run.control.RunOutcome;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.run.control.StepWriter;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.entity.ToolCallOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delegation on the task machinery, in the caller's transaction. A run whose model called delegates
 * parks its task {@code waiting} (reason {@code children}) and each call starts a child task (same
 * priority, {@code parentTaskId} and the call's id set, one level deeper), sent after the commit;
 * the parent holds no thread. Each child's end writes the call's result into the parent's session —
 * the child's output, or {@code <agent> task <id> <status>: <error>} as a tool error — and the last
 * child to end puts the parent back in the queue. Children end in parallel: each end locks the
 * parent's row first, so of two children ending at once the second sees the first and exactly one
 * resumes the parent.
 */
@ApplicationScoped
public class Delegations {

  private static final List<TaskStatus> ACTIVE =
      List.of(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.WAITING);

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject StepWriter writer;
  @Inject Event<TaskReady> ready;
  @Inject Event<ChildCancels.Cancel> cancels;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.max-attempts", defaultValue = "3")
  int maxAttempts;

  /**
   * Parks the parent for its delegate calls and starts a child task for each. A call whose agent is
   * gone, paused or disabled gets that as its error at once; when no child started, the parent goes
   * straight back to the queue.
   */
  public void start(Task parent, RunOutcome.Waiting waiting) {
    var now = clock.instant();
    parent.waitFor(waiting.question(), null, now);
    append(parent, Status.waitingForChildren(waiting.question()));
    var share = budgetShare(parent, waiting.delegations().size());
    int started = 0;
    for (var call : waiting.delegations()) {
      var agent = em.find(Agent.class, new TenantKey(parent.getTenant(), call.agent()));
      if (agent == null || !agent.acceptsWork()) {
        var why = agent == null ? "does not exist" : "is paused or disabled";
        answer(
            parent,
            call.callId(),
            call.agent(),
            call.arguments(),
            null,
            "agent " + call.agent() + " " + why);
        continue;
      }
      var spec =
          new TaskSpec(
              call.input(),
              parent.getPriority(),
              List.of(),
              null,
              parent.getId(),
              null,
              null,
              share,
              null);
      var child = new Task(parent.getTenant(), call.agent(), spec, maxAttempts, now);
      child.delegatedBy(call.callId(), parent.getDepth() + 1);
      child.tracedFrom(parent.getTraceParent());
      em.persist(child);
      events.append(child.getId(), child.getAgent(), Status.queued(child.getPriority()));
      append(parent, new TaskEvents.DelegationStarted(call.callId(), call.agent(), child.getId()));
      child.enqueued(now);
      ready.fire(new TaskReady(child.getId(), child.getPriority()));
      started++;
    }
    if (started == 0) {
      resume(parent, now);
    }
  }

  /**
   * Gives a child task's end to its parent, if a delegate call started it and the parent still
   * waits: the call's result, a {@code delegation.ended} event, and the parent back in the queue
   * when no other child is active; and when the ended task was cancelled, its own active children
   * cancelled after the commit.
   */
  void onEnded(@Observes TaskEnded ended) {
    var task = ended.task();
    ended(task);
    if (task.getStatus() == TaskStatus.CANCELLED) {
      cancelChildrenAfterCommit(task);
    }
  }

  private void ended(Task child) {
    if (child.getParentCallId() == null || child.getParentTaskId() == null) {
      return;
    }
    var parent = em.find(Task.class, child.getParentTaskId(), LockModeType.PESSIMISTIC_WRITE);
    if (parent == null || parent.getStatus() != TaskStatus.WAITING) {
      return; // cancelled or deleted meanwhile: nothing waits for the result
    }
    var status = child.getStatus().apiName();
    String error = null;
    if (child.getStatus() != TaskStatus.COMPLETED) {
      var detail = child.getErrorMessage() == null ? "" : ": " + child.getErrorMessage();
      error = child.getAgent() + " task " + child.getId() + " " + status + detail;
    }
    var output = child.getOutput() == null ? "" : child.getOutput();
    var arguments = inputArguments(child.getInput());
    answer(
        parent,
        child.getParentCallId(),
        child.getAgent(),
        arguments,
        error == null ? output : null,
        error);
    append(
        parent,
        new TaskEvents.DelegationEnded(
            child.getParentCallId(), child.getAgent(), child.getId(), status, error));
    long active =
        em.createQuery(
                "SELECT COUNT(t) FROM Task t WHERE t.parentTaskId = :parent AND t.id <> :self"
                    + " AND t.status IN :active",
                Long.class)
            .setParameter("parent", parent.getId())
            .setParameter("self", child.getId())
            .setParameter("active", ACTIVE)
            .getSingleResult();
    if (active == 0) {
      resume(parent, clock.instant());
    }
  }

  /**
   * Cancels the active children of a task being cancelled once its transaction committed, each in a
   * transaction of its own (see {@link ChildCancels}): a child ending meanwhile locks its own row
   * and then the parent's, so cancelling children inside the parent's transaction (parent's row,
   * then theirs) could deadlock with it.
   */
  private void cancelChildrenAfterCommit(Task task) {
    var children = activeChildren(task.getId());
    if (!children.isEmpty()) {
      cancels.fire(new ChildCancels.Cancel(task.getTenant(), children));
    }
  }

  /**
   * The token budget each of {@code children} new children gets: what is left of the parent's task
   * budget (the task's own {@code tokenBudget}, else its agent's) after the tokens its tree used so
   * far, split evenly, at least 1; null when the parent has no token budget.
   */
  private Long budgetShare(Task parent, int children) {
    var budget = parent.spec().tokenBudget();
    if (budget == null) {
      var agent = em.find(Agent.class, new TenantKey(parent.getTenant(), parent.getAgent()));
      budget = agent == null ? null : agent.spec().limits().tokenBudget();
    }
    if (budget == null) {
      return null;
    }
    long left = budget - tokensOfTree(parent.getId());
    return Math.max(1, left / Math.max(1, children));
  }

  /**
   * The prompt and completion tokens used by the task and every task its delegate calls started, at
   * any depth (a recursive query over {@code parent_task_id}), as usage records count them.
   */
  public long tokensOfTree(String taskId) {
    em.flush(); // usage this transaction wrote counts too
    var sum =
        (Number)
            em.createNativeQuery(
                    "WITH RECURSIVE tree(id) AS (SELECT CAST(? AS VARCHAR(36)) UNION ALL"
                        + " SELECT t.id FROM task t JOIN tree ON t.parent_task_id = tree.id"
                        + " WHERE t.parent_call_id IS NOT NULL)"
                        + " SELECT COALESCE(SUM(u.prompt_tokens + u.completion_tokens), 0)"
                        + " FROM usage_record u WHERE u.task_id IN (SELECT id FROM tree)")
                .setParameter(1, taskId)
                .getSingleResult();
    return sum == null ? 0 : sum.longValue();
  }

  /** The ids of the task's children that have not ended. */
  private List<String> activeChildren(String taskId) {
    return em.createQuery(
            "SELECT t.id FROM Task t WHERE t.parentTaskId = :parent AND t.parentCallId IS NOT NULL"
                + " AND t.status IN :active",
            String.class)
        .setParameter("parent", taskId)
        .setParameter("active", ACTIVE)
        .getResultList();
  }

  private void answer(
      Task parent, String callId, String agent, String arguments, String result, String error) {
    var call = ToolExecutionRequest.builder().id(callId).name(agent).arguments(arguments).build();
    var origin =
        new ToolCallOrigin(
            parent.getTenant(), parent.getAgent(), parent.getSessionId(), parent.getId());
    writer.toolRun(origin, new ToolRun(call, new ToolOutcome(result, error, 0)));
    append(parent, new TaskEvents.ToolEnd(callId, agent, 0, error));
  }

  private void resume(Task parent, Instant now) {
    parent.resumeWithAnswer(now);
    append(parent, Status.of("queued"));
    if (parent.isRunnable(now)) {
      parent.enqueued(now);
      ready.fire(new TaskReady(parent.getId(), parent.getPriority()));
    }
  }

  private void append(Task task, TaskEvents.Data data) {
    events.append(task.getId(), task.getAgent(), data);
  }

  /** The arguments a delegate call carried, rebuilt from the child's input. */
  private static String inputArguments(String input) {
    return org.agentry.platform.entity.Jsons.createObjectBuilder()
        .add("input", input)
        .build()
        .toString();
  }
}
