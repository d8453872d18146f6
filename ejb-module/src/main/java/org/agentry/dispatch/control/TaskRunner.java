package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.agentry.budget.boundary.Budgets;
import org.agentry.dispatch.boundary.TaskRuns;
import org.agentry.run.control.BudgetGate;
import org.agentry.run.control.LoopRuns;
import org.agentry.run.control.RunOutcome;
import org.agentry.telemetry.control.Tracing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs tasks on this node: claim (which starts the run), the agent loop, the outcome. It keeps the
 * runs in progress here with their leases, so that the lease keeper can renew them and stop those
 * cancelled or taken away. Any failure it does not expect leaves the task to its lease: the sweeper
 * re-queues it.
 */
@ApplicationScoped
public class TaskRunner {

  private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

  @Inject TaskRuns runs;
  @Inject Budgets budgets;
  @Inject LoopRuns loops;
  @Inject NodeIdentity node;
  @Inject NodeDrain drain;
  @Inject Tracing tracing;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.retry-backoff-seconds", defaultValue = "2")
  int retryBackoffSeconds;

  private final ConcurrentHashMap<String, RunningTask> running = new ConcurrentHashMap<>();

  /**
   * Claims and runs the task, if it can be claimed and this node is not draining; returns when the
   * run ends. A task a draining node does not claim stays queued for another node's sweeper.
   */
  public void run(String taskId) {
    if (drain.draining()) {
      LOG.log(Level.FINE, "Task {0} left to another node: this node is draining", taskId);
      return;
    }
    var claimed = runs.claim(taskId, node.id(), lease());
    if (claimed == null) {
      return;
    }
    var current = new RunningTask(claimed.lease(), Thread.currentThread());
    running.put(taskId, current);
    var span =
        tracing.taskRun(
            taskId, claimed.context().agent(), claimed.attempt(), claimed.traceParent());
    try (var scope = span.makeCurrent()) {
      var recorder =
          new TaskRecorder(runs, current, claimed, Duration.ofSeconds(retryBackoffSeconds));
      var outcome = loops.run(claimed.context(), gate(claimed), recorder);
      Tracing.end(span, errorType(outcome), null);
    } catch (RuntimeException e) {
      Tracing.end(span, e.getClass().getName(), null);
      LOG.log(Level.WARNING, "Task " + taskId + " failed unexpectedly; its lease will expire", e);
    } finally {
      running.remove(taskId, current);
      current.leave();
    }
  }

  /** The stop reason of a run that did not complete or wait, as the span's error type. */
  private static String errorType(RunOutcome outcome) {
    return outcome instanceof RunOutcome.Stopped stopped ? stopped.stopReason().apiName() : null;
  }

  private BudgetGate gate(ClaimedRun claimed) {
    var limits = claimed.limits();
    if (!limits.applies()) {
      return BudgetGate.NONE;
    }
    var session = claimed.context().sessionId();
    return (tokens, usd) -> budgets.reserve(limits, session, tokens, usd);
  }

  /** The lease a claim or renewal grants. */
  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  /** The runs on this node now: task id → lease token. */
  public Map<String, String> leases() {
    return running.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().lease().token()));
  }

  /** How many tasks run on this node now. */
  public int runningCount() {
    return running.size();
  }

  /**
   * Stops the task's run at its next step, aborting its in-flight model call, if it runs here: it
   * was cancelled, or its lease was lost.
   */
  public void stop(String taskId) {
    var task = running.get(taskId);
    if (task != null) {
      task.stop();
    }
  }
}
