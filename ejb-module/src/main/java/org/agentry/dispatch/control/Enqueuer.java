package org.agentry.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.agentry.dispatch.boundary.TaskQueue;
import org.agentry.task.control.TaskReady;
import org.agentry.task.control.TasksReady;

/**
 * Sends a task to the JMS queue once the transaction that made it runnable has committed, so that
 * no consumer sees a task id before its row. Boundaries that create or re-queue work fire {@link
 * TaskReady} (or {@link TasksReady} for many at once); nothing else sends. Nothing is sent while
 * dispatch is paused: resuming sends every runnable task. A send that fails leaves the task to the
 * sweeper.
 */
@ApplicationScoped
public class Enqueuer {

  @Inject TaskQueue queue;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskReady ready) {
    queue.send(ready.taskId(), ready.priority());
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TasksReady ready) {
    queue.sendAll(ready.tasks());
  }
}
