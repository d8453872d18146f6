package org.agentry.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.agentry.client.api.AgentTasksApi;
import org.agentry.client.api.TasksApi;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskAccepted;
import org.agentry.client.model.TaskContext;
import org.agentry.client.model.TaskEvent;
import org.agentry.client.model.TaskPage;
import org.agentry.client.model.TaskQuery;
import org.agentry.client.model.TaskRequest;

/**
 * Tasks: {@code POST /api/v1/agents/{name}/tasks} and {@code /api/v1/tasks}. Unknown ids throw
 * {@link AgentryException.NotFound} ({@code TASK_NOT_FOUND}).
 */
public final class Tasks {

  private final Http http;
  private final TasksApi api;
  private final AgentTasksApi submits;

  Tasks(Http http) {
    this.http = http;
    this.api = http.proxies.of(TasksApi.class);
    this.submits = http.proxies.of(AgentTasksApi.class);
  }

  /**
   * Hands the agent a task; it runs in the background.
   *
   * @throws AgentryException e.g. 404 {@code AGENT_NOT_FOUND}, 409 {@code AGENT_PAUSED}, 429 {@code
   *     BUDGET_EXHAUSTED}, 400 {@code VALIDATION_FAILED}
   */
  public TaskAccepted submit(String agent, TaskRequest task) {
    return submit(agent, task, null);
  }

  /**
   * Hands the agent a task once per idempotency key (per agent, 24 h): a repeat answers the task
   * the key already named; 409 {@code IDEMPOTENCY_KEY_REUSED} for another body.
   */
  public TaskAccepted submit(String agent, TaskRequest task, String idempotencyKey) {
    return submits.submit(agent, idempotencyKey, task);
  }

  /**
   * Hands the agent a task whose input is an XML document: the agent's typed payload element
   * (checked against its schema: 422 {@code INVALID_PAYLOAD}) or an envelope.
   *
   * @param sessionId a session to go on in, or null
   */
  public TaskAccepted submitXml(String agent, String xml, String sessionId) {
    return submits.submitXml(agent, null, sessionId, xml);
  }

  /**
   * What the task's model sees: its system prompt and a page of the session's messages.
   *
   * @param after the last message id seen, or null for the first page
   * @param limit 1–200, or null for 50
   */
  public TaskContext context(String id, Long after, Integer limit) {
    return api.context(id, after, limit);
  }

  /** One task with its output or error, stop reason, attempts and usage totals. */
  public Task get(String id) {
    return api.get(id);
  }

  /**
   * One page of tasks, newest first (or oldest first: {@link TaskQuery#withOrder}).
   *
   * @param cursor the previous page's {@code nextCursor}, or null for the first page
   */
  public TaskPage list(TaskQuery query, String cursor) {
    return api.list(
        query.agent(),
        query.status(),
        query.priority(),
        query.tag(),
        query.createdFrom(),
        query.createdTo(),
        cursor,
        query.limit(),
        query.order(),
        query.parentTaskId());
  }

  /**
   * Every task the query matches, newest first, fetching pages of {@code query.limit()} as the
   * stream is consumed.
   */
  public Stream<Task> listAll(TaskQuery query) {
    return Pages.stream(
        cursor -> {
          var page = list(query, cursor);
          return new Pages.Page<>(page.items(), page.nextCursor());
        });
  }

  /** Cancels the task; 409 {@code TASK_FINISHED} once it has ended. */
  public Task cancel(String id) {
    return api.cancel(id);
  }

  /** Answers a waiting task's question; 400 {@code TASK_NOT_WAITING} otherwise. */
  public Task respond(String id, String message) {
    return api.respond(id, Map.of("message", message));
  }

  /** Deletes the task; 409 {@code TASK_ACTIVE} for an active one unless {@code force}. */
  public void delete(String id, boolean force) {
    api.delete(id, force).close();
  }

  /**
   * A page of the task's stored events, oldest first.
   *
   * @param after the id of the last event seen, 0 for the first
   * @param limit 1–200, or null for the server's 50
   */
  public List<TaskEvent> events(String id, long after, Integer limit) {
    return api.events(id, after, limit);
  }

  /**
   * Follows the task's event stream, calling {@code consumer} with each event in order (in this
   * thread) until the task ends; an event stream that breaks is resumed after the last event.
   *
   * @param after the id of the last event already seen, 0 for all
   * @return the terminal status event ({@link TaskEvent#status()} is {@code completed}, {@code
   *     failed} or {@code cancelled})
   */
  public TaskEvent follow(String id, long after, Consumer<TaskEvent> consumer) {
    try (var stream = new TaskEventStream(http, id, after, consumer)) {
      return stream.run();
    }
  }

  /** {@link #follow} from the first event, then the task as it ended (with output and usage). */
  public Task await(String id, Consumer<TaskEvent> consumer) {
    follow(id, 0, consumer);
    return get(id);
  }

  /**
   * Follows the task's events on a daemon thread of its own. The future completes with the terminal
   * status event, or exceptionally as {@link #follow} throws; cancelling it stops delivery.
   */
  public CompletableFuture<TaskEvent> subscribe(String id, Consumer<TaskEvent> consumer) {
    var stream = new TaskEventStream(http, id, 0, consumer);
    var future =
        new CompletableFuture<TaskEvent>() {
          @Override
          public boolean cancel(boolean interrupt) {
            stream.close();
            return super.cancel(interrupt);
          }
        };
    var thread =
        new Thread(
            () -> {
              try {
                future.complete(stream.run());
              } catch (RuntimeException e) {
                future.completeExceptionally(e);
              }
            },
            "agentry-events-" + id);
    thread.setDaemon(true);
    thread.start();
    return future;
  }
}
