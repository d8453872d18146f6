package org.agentry.dispatch.control;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.dispatch.boundary.TaskRuns;
import org.agentry.run.control.StepRecorder;
import org.agentry.tool.entity.ToolCallOrigin;

/**
 * Records a task run's steps through {@link TaskRuns}, each a transaction fenced by the run's
 * lease; a write that finds the lease lost stops the run.
 */
final class TaskRecorder implements StepRecorder {

  private static final Logger LOG = Logger.getLogger(TaskRecorder.class.getName());

  private final TaskRuns runs;
  private final RunningTask running;
  private final ToolCallOrigin origin;
  private final String provider;
  private final Duration retryBase;
  private long lastMessageId;
  private int announced = 1; // the claim announced the first model request

  TaskRecorder(TaskRuns runs, RunningTask running, ClaimedRun claimed, Duration retryBase) {
    this.runs = runs;
    this.running = running;
    var context = claimed.context();
    this.origin =
        new ToolCallOrigin(
            context.tenant(), context.agent(), context.sessionId(), context.taskId());
    this.provider = context.model().provider();
    this.retryBase = retryBase;
    this.lastMessageId = claimed.lastMessageId();
  }

  @Override
  public void modelRequest(ModelRequest request) {
    if (request.iteration() <= announced) {
      return;
    }
    if (!runs.modelRequest(running.lease(), origin, request, lastMessageId)) {
      running.stop();
    }
    announced = request.iteration();
  }

  @Override
  public void modelCallStarted() {
    running.enterModelCall();
  }

  @Override
  public void modelCallEnded() {
    running.exitModelCall();
  }

  @Override
  public void repairRequested(ModelStep step, String request) {
    written(runs.repairRequested(running.lease(), origin, provider, step, request));
  }

  @Override
  public void modelResponded(ModelStep step) {
    written(runs.modelResponded(running.lease(), origin, provider, step));
  }

  @Override
  public void toolsRan(List<ToolRun> toolRuns, ModelRequest next) {
    written(runs.toolsRan(running.lease(), origin, toolRuns, next, lastMessageId));
    if (next != null) {
      announced = next.iteration();
    }
  }

  @Override
  public void toolRetrying(
      dev.langchain4j.agent.tool.ToolExecutionRequest call,
      int attempt,
      String error,
      Duration delay) {
    if (!runs.toolRetrying(running.lease(), origin, call, attempt, error, delay)) {
      running.stop();
    }
  }

  @Override
  public void toolRepairing(
      dev.langchain4j.agent.tool.ToolExecutionRequest call, int attempt, List<String> errors) {
    if (!runs.toolRepairing(running.lease(), origin, call, attempt, errors)) {
      running.stop();
    }
  }

  @Override
  public void finish(Ending ending) {
    if (!runs.finish(running.lease(), origin, provider, ending, retryBase)) {
      LOG.log(
          Level.INFO, "Task {0} was taken from this run; its end is not written", origin.taskId());
    }
  }

  @Override
  public boolean shouldStop() {
    return running.stopRequested();
  }

  private void written(long messageId) {
    if (messageId == TaskRuns.STALE) {
      running.stop();
    } else {
      lastMessageId = Math.max(lastMessageId, messageId);
    }
  }
}
