package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.agentry.agent.entity.StopReason;
import org.agentry.approval.control.PendingApprovals;
import org.agentry.metrics.control.Metrics;
import org.agentry.run.control.RunOutcome;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;
import org.agentry.workflow.control.Delegations;

/**
 * Writes how a task's run ended onto the task, in the caller's transaction: completed, waiting for
 * an answer, an approval (whose pending record it stores) or a person to resolve a tool error
 * ({@code tool.escalated}), cancelled, failed, or queued again after a retriable provider failure
 * (with a backoff that doubles per attempt).
 */
@ApplicationScoped
public class TaskOutcomes {

  @Inject TaskEvents events;
  @Inject Clock clock;
  @Inject Metrics metrics;
  @Inject PendingApprovals approvals;
  @Inject Delegations delegations;
  @Inject Event<TaskEnded> taskEnded;

  /**
   * Applies the outcome to the task.
   *
   * @param retryBase the wait before the second attempt after a retriable provider failure
   */
  public void write(Task task, RunOutcome outcome, Duration retryBase) {
    var now = clock.instant();
    if (outcome instanceof RunOutcome.Waiting waiting && !waiting.delegations().isEmpty()) {
      delegations.start(task, waiting);
    } else if (outcome instanceof RunOutcome.Waiting waiting) {
      task.waitFor(waiting.question(), waiting.pendingCallId(), now);
      if (waiting.approval() != null) {
        approvals.open(waiting.approval(), task.getAgent(), task.getSessionId(), task.getId());
        append(task, Status.waitingForApproval(waiting.question()));
      } else if (waiting.escalation() != null) {
        var e = waiting.escalation();
        append(
            task,
            new TaskEvents.ToolEscalated(
                e.callId() == null ? "" : e.callId(),
                e.tool(),
                e.arguments(),
                e.error(),
                e.attempts()));
        append(task, Status.waitingForToolError(waiting.question()));
      } else {
        append(task, Status.waiting(waiting.question()));
      }
    } else if (outcome instanceof RunOutcome.Completed completed) {
      task.finish(TaskStatus.COMPLETED, completed.reply(), StopReason.COMPLETED.apiName(), now);
      var reply = completed.reply() == null ? "" : completed.reply();
      append(task, new TaskEvents.Text("assistant", reply));
      append(task, Status.ended("completed", StopReason.COMPLETED.apiName()));
      ended(task, now);
    } else {
      stopped(task, (RunOutcome.Stopped) outcome, retryBase);
    }
  }

  private void stopped(Task task, RunOutcome.Stopped stopped, Duration retryBase) {
    var now = clock.instant();
    var reason = stopped.stopReason();
    switch (reason) {
      case CANCELLED -> task.finish(TaskStatus.CANCELLED, null, reason.apiName(), now);
      case PROVIDER_ERROR -> {
        if (stopped.retriable() && task.getAttempts() < task.getMaxAttempts()) {
          var wait = retryBase.multipliedBy(1L << Math.min(Math.max(task.getAttempts() - 1, 0), 6));
          task.requeue(now.plus(wait), now);
          append(task, Status.requeued("provider_error"));
          return;
        }
        task.fail("PROVIDER_ERROR", stopped.error(), reason.apiName(), now);
      }
      default -> {
        var error =
            stopped.error() != null ? stopped.error() : "The run stopped: " + reason.apiName();
        task.fail(reason.name(), error, reason.apiName(), now);
      }
    }
    append(task, Status.ended(task.getStatus().apiName(), reason.apiName()));
    ended(task, now);
  }

  private void ended(Task task, Instant now) {
    taskEnded.fire(new TaskEnded(task));
    metrics.taskEnded(
        task.getAgent(), task.getStatus().apiName(), Duration.between(task.getCreatedAt(), now));
  }

  private void append(Task task, TaskEvents.Data data) {
    events.append(task.getId(), task.getAgent(), data);
  }
}
