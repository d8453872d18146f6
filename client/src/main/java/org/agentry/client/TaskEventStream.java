package org.agentry.client;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.function.Consumer;
import org.agentry.client.model.TaskEvent;

/**
 * Follows one task's event stream ({@code GET /api/v1/tasks/{id}/stream}) until its terminal status
 * event. The server closes the stream after that event; a stream that ends before it (a restarted
 * node, a read timeout, a proxy) is opened again with {@code Last-Event-ID}, so that no event is
 * lost or delivered twice. Gives up after {@value #MAX_QUIET_RECONNECTS} reconnects in a row that
 * brought no event.
 */
final class TaskEventStream implements AutoCloseable {

  static final int MAX_QUIET_RECONNECTS = 5;
  private static final String READ_TIMEOUT = "jersey.config.client.readTimeout";
  private static final long BACKOFF_MS = 500;

  private final Http http;
  private final String taskId;
  private final Consumer<TaskEvent> consumer;
  private volatile boolean closed;
  private volatile Response response;
  private long lastId;
  private boolean connected;

  TaskEventStream(Http http, String taskId, long after, Consumer<TaskEvent> consumer) {
    this.http = http;
    this.taskId = taskId;
    this.lastId = after;
    this.consumer = consumer;
  }

  /**
   * Delivers events until the terminal one.
   *
   * @return the terminal status event, or null if closed first
   * @throws AgentryException for an error answer (e.g. 404 {@code TASK_NOT_FOUND})
   * @throws AgentryConnectionException when the server cannot be reached, or the stream kept ending
   *     without news
   */
  TaskEvent run() {
    int quiet = 0;
    while (!closed) {
      long before = lastId;
      TaskEvent end;
      try {
        end = readOnce();
      } catch (AgentryConnectionException e) {
        if (!connected) {
          throw e; // never reached: fail at once
        }
        end = null; // e.g. a node restarting: try again
      }
      if (end != null || closed) {
        return end;
      }
      quiet = lastId == before ? quiet + 1 : 0;
      if (quiet > 0 && connected) {
        var ended = endedAlready();
        if (ended != null) {
          return ended;
        }
      }
      if (quiet > MAX_QUIET_RECONNECTS) {
        throw new AgentryConnectionException(
            "The event stream of task " + taskId + " kept ending without its end.", null);
      }
      pause();
    }
    return null;
  }

  /** Stops delivering at once; the connection is released by the next keepalive at the latest. */
  @Override
  public void close() {
    closed = true;
    var open = response;
    if (open != null) {
      var closer = new Thread(open::close, "agentry-stream-close");
      closer.setDaemon(true);
      closer.start();
    }
  }

  private TaskEvent readOnce() {
    var request =
        http.path("tasks", taskId, "stream")
            .request(MediaType.SERVER_SENT_EVENTS_TYPE)
            .property(READ_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, http.streamReadTimeoutMs));
    if (lastId > 0) {
      request.header("Last-Event-ID", Long.toString(lastId));
    }
    try (var open = http.call(request, "GET", null);
        var reader = new SseReader(open.readEntity(InputStream.class))) {
      response = open;
      connected = true;
      SseReader.Event raw;
      while (!closed && (raw = reader.next()) != null) {
        var event = event(raw);
        lastId = Math.max(lastId, event.id());
        if (closed) {
          return null;
        }
        consumer.accept(event);
        if (event.terminal()) {
          return event;
        }
      }
    } catch (IOException | ProcessingException e) {
      // the stream broke: opened again with Last-Event-ID by run()
    }
    return null;
  }

  /**
   * The end of a task whose stream closed without news, as a status event with the last id seen:
   * the server replays nothing when its terminal event lies before {@code Last-Event-ID}. Null
   * while the task goes on.
   */
  private TaskEvent endedAlready() {
    var task = new Tasks(http).get(taskId);
    if (!task.finished()) {
      return null;
    }
    var data = Http.BUILDERS.createObjectBuilder().add("status", task.status()).build();
    return new TaskEvent(lastId, taskId, task.agent(), "status", data, task.finishedAt());
  }

  private TaskEvent event(SseReader.Event raw) {
    long id = 0;
    try {
      id = raw.id() == null ? 0 : Long.parseLong(raw.id().strip());
    } catch (NumberFormatException e) {
      id = 0;
    }
    JsonObject data = null;
    try (var parser = Http.JSON.createReader(new StringReader(raw.data()))) {
      data = parser.readObject();
    } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
      data = null;
    }
    return new TaskEvent(id, taskId, null, raw.name(), data, null);
  }

  private void pause() {
    try {
      Thread.sleep(BACKOFF_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }
}
