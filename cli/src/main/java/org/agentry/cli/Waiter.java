package org.agentry.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.agentry.client.AgentryClient;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskEvent;

/**
 * Waits for a task, following its event stream, until the first of: it ends, it is parked {@code
 * waiting} (for an answer or an approval, which nobody at this terminal may give soon), or the
 * timeout passes. A replayed {@code waiting} event counts only if the task is still waiting when
 * asked, so a question answered meanwhile does not stop the wait.
 */
final class Waiter {

  /** How a wait ended. */
  sealed interface Outcome {}

  /** The task ended (completed, failed or cancelled). */
  record Ended(Task task) implements Outcome {}

  /** The task waits for an answer or an approval. */
  record Parked(Task task) implements Outcome {}

  /** The timeout passed first; the task goes on. */
  record TimedOut() implements Outcome {}

  private final AgentryClient client;

  Waiter(AgentryClient client) {
    this.client = client;
  }

  /**
   * Follows the task, handing each event to {@code progress} (on another thread).
   *
   * @param timeout the longest wait, or null for none
   * @throws org.agentry.client.AgentryException as the event stream throws
   */
  Outcome await(String taskId, Consumer<TaskEvent> progress, Duration timeout)
      throws InterruptedException {
    var parked = new CompletableFuture<Task>();
    var ended =
        client
            .tasks()
            .subscribe(
                taskId,
                event -> {
                  progress.accept(event);
                  if ("status".equals(event.type()) && "waiting".equals(event.status())) {
                    var task = client.tasks().get(taskId);
                    if ("waiting".equals(task.status())) {
                      parked.complete(task);
                    }
                  }
                });
    try {
      var first = CompletableFuture.anyOf(ended, parked);
      if (timeout == null) {
        first.get();
      } else {
        first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (parked.isDone()) {
        return new Parked(parked.join());
      }
      ended.get();
      return new Ended(client.tasks().get(taskId));
    } catch (TimeoutException e) {
      return new TimedOut();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      ended.cancel(true);
    }
  }
}
