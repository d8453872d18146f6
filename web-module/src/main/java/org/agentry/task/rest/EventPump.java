package org.agentry.task.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;
import org.agentry.task.entity.TaskEvent;

/** Feeds stored events to one SSE client until it goes away (or its task ends). */
final class EventPump implements Runnable {

  private static final long POLL_MS = 250;
  private static final long KEEPALIVE_MS = 15_000;

  private final SseEventSink sink;
  private final Sse sse;
  private final LongFunction<List<TaskEvent>> source;
  private final boolean closeOnTerminal;
  private final boolean endedAlready;
  private long last;

  EventPump(
      SseEventSink sink,
      Sse sse,
      LongFunction<List<TaskEvent>> source,
      long after,
      boolean closeOnTerminal,
      boolean endedAlready) {
    this.sink = sink;
    this.sse = sse;
    this.source = source;
    this.last = after;
    this.closeOnTerminal = closeOnTerminal;
    this.endedAlready = endedAlready;
  }

  @Override
  public void run() {
    try (sink) {
      long quietSince = System.currentTimeMillis();
      while (!sink.isClosed()) {
        var events = source.apply(last);
        for (var event : events) {
          send(event);
          if (closeOnTerminal && EventStreams.isTerminal(event)) {
            return;
          }
        }
        if (events.isEmpty()) {
          if (closeOnTerminal && endedAlready) {
            return; // replayed everything of a task that had ended before the request
          }
          if (System.currentTimeMillis() - quietSince >= KEEPALIVE_MS) {
            sink.send(sse.newEventBuilder().comment("keepalive").build())
                .toCompletableFuture()
                .get();
            quietSince = System.currentTimeMillis();
          }
          Thread.sleep(POLL_MS);
        } else {
          quietSince = System.currentTimeMillis();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      // the client went away
    }
  }

  private void send(TaskEvent event) throws InterruptedException, ExecutionException {
    var outbound =
        sse.newEventBuilder()
            .id(Long.toString(event.getId()))
            .name(event.getType())
            .mediaType(MediaType.TEXT_PLAIN_TYPE)
            .data(String.class, event.getData())
            .build();
    sink.send(outbound).toCompletableFuture().get();
    last = event.getId();
  }
}
