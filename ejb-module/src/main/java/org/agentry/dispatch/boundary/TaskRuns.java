package org.agentry.dispatch.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.agentry.agent.entity.Agent;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.dispatch.control.ClaimedRun;
import org.agentry.dispatch.control.DispatchSwitch;
import org.agentry.dispatch.control.Lease;
import org.agentry.dispatch.control.References;
import org.agentry.dispatch.control.RunStarts;
import org.agentry.dispatch.control.TaskOutcomes;
import org.agentry.provider.entity.Provider;
import org.agentry.run.control.StepRecorder.Ending;
import org.agentry.run.control.StepRecorder.ModelRequest;
import org.agentry.run.control.StepRecorder.ModelStep;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.run.control.StepWriter;
import org.agentry.session.control.MessageWriter;
import org.agentry.session.entity.Message;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.tool.entity.ToolCallOrigin;

/**
 * A node's writes for the tasks it runs, each one short transaction: the claim that also starts the
 * run, one write per step, and the outcome. Every write after the claim is fenced by the claim's
 * lease token: when the task is no longer held with it (the lease lapsed and the task was claimed
 * again, or it was deleted), the write changes nothing and says so.
 */
@Stateless
public class TaskRuns {

  /** Answered by a step write whose lease is lost. */
  public static final long STALE = -1;

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject StepWriter writer;
  @Inject DispatchSwitch dispatchSwitch;
  @Inject Budgets budgets;
  @Inject RunStarts starts;
  @Inject TaskOutcomes outcomes;
  @Inject Clock clock;
  @Inject MessageWriter messages;

  /**
   * Claims a queued task and starts its run, in one transaction: {@code queued → running} with a
   * new lease; the session opened or continued; the input delivered once; the first model request
   * announced. Nothing is claimed while dispatch or the task's agent is paused. A task whose agent,
   * provider or session is gone (or unusable) fails here.
   *
   * @return the run to make, or null when this node did not get the task
   */
  public ClaimedRun claim(String taskId, String node, Duration leaseTime) {
    if (dispatchSwitch.pausedConfirmed()) {
      return null;
    }
    var now = clock.instant();
    var task = em.find(Task.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    if (task == null || !task.isRunnable(now)) {
      return null;
    }
    var references =
        em.createNamedQuery(Agent.WITH_PROVIDER_AND_BUDGET, Object[].class)
            .setParameter("tenant", task.getTenant())
            .setParameter("name", task.getAgent())
            .getResultStream()
            .findFirst()
            .map(row -> new References((Agent) row[0], (Provider) row[1], (AgentBudget) row[2]))
            .orElse(References.NONE);
    if (references.agent() != null && references.agent().isPaused()) {
      return null;
    }
    var lease = new Lease(taskId, UUID.randomUUID().toString());
    var run = starts.start(task, references, node, lease, now.plus(leaseTime));
    events.write();
    return run;
  }

  /**
   * Writes a model call that asked for tools, and announces those tool calls.
   *
   * @return the reply's message id, or {@link #STALE}
   */
  public long modelResponded(Lease lease, ToolCallOrigin origin, String provider, ModelStep step) {
    if (held(lease) == null) {
      return STALE;
    }
    var id = writer.modelStep(origin, provider, step);
    responseEvent(origin, step);
    for (var call : step.toolCalls()) {
      events.append(
          lease.taskId(),
          origin.agent(),
          new TaskEvents.ToolStart(
              call.id() == null ? "" : call.id(), call.name(), nonNull(call.arguments())));
    }
    events.write();
    return id;
  }

  /**
   * Writes a model reply that was not the agent's XML output element (its usage and budget
   * settlement, a {@code model.response} event) and the user message asking for a repair (a {@code
   * message} event), fenced by the lease.
   *
   * @return the repair request's message id, or {@link #STALE}
   */
  public long repairRequested(
      Lease lease, ToolCallOrigin origin, String provider, ModelStep step, String request) {
    if (held(lease) == null) {
      return STALE;
    }
    writer.modelStep(origin, provider, step);
    responseEvent(origin, step);
    long id = messages.insert(Message.user(origin.sessionId(), request, clock.instant()));
    events.append(lease.taskId(), origin.agent(), new TaskEvents.Text("user", request));
    events.write();
    return id;
  }

  /**
   * Writes the results of a step's tool calls and announces the next model request.
   *
   * @param next the request the run makes next, or null
   * @param lastMessageId the session's last message id before these results
   * @return the session's last message id after them, or {@link #STALE}
   */
  public long toolsRan(
      Lease lease,
      ToolCallOrigin origin,
      List<ToolRun> runs,
      ModelRequest next,
      long lastMessageId) {
    if (held(lease) == null) {
      return STALE;
    }
    long last = Math.max(lastMessageId, writeToolRuns(origin, runs));
    if (next != null) {
      events.append(
          lease.taskId(),
          origin.agent(),
          new TaskEvents.ModelRequest(next.iteration(), next.messages(), last));
    }
    events.write();
    return last;
  }

  /**
   * Writes a {@code tool.retry} event: a tool call's attempt failed and it runs again.
   *
   * @return false when the lease was lost and nothing was written
   */
  public boolean toolRetrying(
      Lease lease,
      ToolCallOrigin origin,
      dev.langchain4j.agent.tool.ToolExecutionRequest call,
      int attempt,
      String error,
      Duration delay) {
    if (held(lease) == null) {
      return false;
    }
    events.append(
        lease.taskId(),
        origin.agent(),
        new TaskEvents.ToolRetry(
            call.id() == null ? "" : call.id(), call.name(), attempt, error, delay.toMillis()));
    events.write();
    return true;
  }

  /**
   * Writes a {@code tool.repair} event: a tool call's arguments broke its schema and the model is
   * asked to call again.
   *
   * @return false when the lease was lost and nothing was written
   */
  public boolean toolRepairing(
      Lease lease,
      ToolCallOrigin origin,
      dev.langchain4j.agent.tool.ToolExecutionRequest call,
      int attempt,
      List<String> errors) {
    if (held(lease) == null) {
      return false;
    }
    events.append(
        lease.taskId(),
        origin.agent(),
        new TaskEvents.ToolRepair(
            call.id() == null ? "" : call.id(), call.name(), attempt, List.copyOf(errors)));
    events.write();
    return true;
  }

  /** Announces a model request the run had not announced with an earlier write. */
  public boolean modelRequest(Lease lease, ToolCallOrigin origin, ModelRequest request, long last) {
    if (held(lease) == null) {
      return false;
    }
    events.append(
        lease.taskId(),
        origin.agent(),
        new TaskEvents.ModelRequest(request.iteration(), request.messages(), last));
    events.write();
    return true;
  }

  /**
   * Writes a run's end: its last step, its pending tool results and its outcome, together.
   *
   * @param retryBase how long a retriable provider failure waits before the second attempt; it
   *     doubles with each further attempt
   * @return false when the lease was lost and nothing was written
   */
  public boolean finish(
      Lease lease, ToolCallOrigin origin, String provider, Ending ending, Duration retryBase) {
    var task = held(lease);
    if (task == null) {
      return false;
    }
    if (ending.step() != null) {
      writer.modelStep(origin, provider, ending.step());
      responseEvent(origin, ending.step());
    }
    if (ending.released() != null) {
      budgets.settle(ending.released(), 0, BigDecimal.ZERO);
    }
    writeToolRuns(origin, ending.toolRuns());
    writer.turnCompleted(origin.sessionId());
    outcomes.write(task, ending.outcome(), retryBase);
    events.write();
    return true;
  }

  private long writeToolRuns(ToolCallOrigin origin, List<ToolRun> runs) {
    long last = 0;
    for (var run : runs) {
      last = writer.toolRun(origin, run);
      var call = run.call();
      events.append(
          origin.taskId(),
          origin.agent(),
          new TaskEvents.ToolEnd(
              call.id() == null ? "" : call.id(),
              call.name(),
              run.outcome().durationMs(),
              run.outcome().error()));
    }
    return last;
  }

  private void responseEvent(ToolCallOrigin origin, ModelStep step) {
    events.append(
        origin.taskId(),
        origin.agent(),
        new TaskEvents.ModelResponse(
            step.iteration(),
            step.promptTokens(),
            step.completionTokens(),
            step.costUsd().stripTrailingZeros(),
            step.latencyMs(),
            step.text(),
            step.toolCalls().size()));
  }

  /** The task, locked, if the lease still holds it; else null. */
  private Task held(Lease lease) {
    var task = em.find(Task.class, lease.taskId(), LockModeType.PESSIMISTIC_WRITE);
    return task != null && task.heldBy(lease.token()) ? task : null;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
