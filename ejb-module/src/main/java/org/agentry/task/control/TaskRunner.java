package org.agentry.task.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.agent.boundary.AgentLoop;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.task.boundary.TaskRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs tasks on this node: claim, start, loop, outcome. It keeps the tasks running here, so that
 * their leases can be renewed and their in-flight model calls aborted when they are cancelled. Any
 * failure it does not expect leaves the task to its lease: the sweeper re-queues it.
 */
@ApplicationScoped
public class TaskRunner {

  private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

  @Inject TaskRuns runs;
  @Inject AgentLoop loop;
  @Inject NodeIdentity node;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.retry-backoff-seconds", defaultValue = "2")
  int retryBackoffSeconds;

  private final ConcurrentHashMap<String, RunningTask> running = new ConcurrentHashMap<>();

  /** Claims and runs the task, if it can be claimed; returns when the run ends. */
  public void run(String taskId) {
    if (!runs.claim(taskId, node.id(), lease())) {
      return;
    }
    var current = new RunningTask(taskId, Thread.currentThread());
    running.put(taskId, current);
    try {
      var start = startRun(taskId);
      if (start == null) {
        return;
      }
      var turn = start.turn();
      var listener = new TaskRunListener(runs, current, taskId, turn.agent(), turn.sessionId());
      var outcome =
          loop.run(
              turn, start.newInput(), taskId, listener, () -> runs.shouldStop(taskId, node.id()));
      finish(taskId, outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Task " + taskId + " failed unexpectedly; its lease will expire", e);
    } finally {
      running.remove(taskId);
      current.leave();
    }
  }

  /** Writes the outcome; a concurrent change to the task (a cancel, say) is retried. */
  private void finish(String taskId, org.agentry.agent.control.RunOutcome outcome) {
    for (int attempt = 1; ; attempt++) {
      try {
        runs.finish(taskId, node.id(), outcome, Duration.ofSeconds(retryBackoffSeconds));
        return;
      } catch (jakarta.ejb.EJBException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private org.agentry.task.boundary.TaskStart startRun(String taskId) {
    try {
      return runs.begin(taskId);
    } catch (UnknownResourceException e) {
      runs.failStart(taskId, node.id(), e.code(), e.getMessage());
    } catch (StateConflictException e) {
      runs.failStart(taskId, node.id(), e.code(), e.getMessage());
    }
    return null;
  }

  /** The lease a claim or renewal grants. */
  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  /** Ids of the tasks running on this node now. */
  public Set<String> runningIds() {
    return Set.copyOf(running.keySet());
  }

  /** Aborts the task's in-flight model call, if it runs here and is inside one. */
  public void abort(String taskId) {
    var task = running.get(taskId);
    if (task != null) {
      task.abortModelCall();
    }
  }
}
