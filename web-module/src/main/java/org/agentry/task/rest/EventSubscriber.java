package org.agentry.task.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.agentry.task.entity.TaskEvent;

/**
 * One open event stream: first the stored events it asked to replay, then the events the {@link
 * EventHub} hands it. Sends run on the hub's sender threads, one at a time per stream, so a slow
 * client holds at most one sender; a stream whose backlog passes {@link #MAX_BACKLOG} events is
 * closed (its client reconnects with {@code Last-Event-ID} and replays from the database).
 */
final class EventSubscriber {

  /** Events queued for one stream before it is closed as too slow. */
  static final int MAX_BACKLOG = 10_000;

  /** The most events a replay read asks for. */
  static final int REPLAY_PAGE = 200;

  private static final long SEND_TIMEOUT_SECONDS = 30;

  /**
   * What the stream wants.
   *
   * @param closesAfter whether the stream ends after sending this event (asked after each send)
   * @param endedAlready what it follows had ended before the request: close after the replay
   */
  record Request(
      String caller,
      String tenant,
      Predicate<TaskEvent> filter,
      LongFunction<List<TaskEvent>> replay,
      Predicate<TaskEvent> closesAfter,
      boolean endedAlready) {}

  private final Request request;
  private final SseEventSink sink;
  private final Sse sse;
  private final Executor senders;
  private final Consumer<EventSubscriber> onClose;
  private final ConcurrentLinkedQueue<TaskEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean keepalivePending;
  private volatile long lastSentMillis = System.currentTimeMillis();

  /** Ids up to this are sent (or not wanted); the sender thread owns it. */
  private long last;

  /** Replay stored events above {@link #last} up to this id first; negative: no replay. */
  private long replayTo;

  EventSubscriber(
      Request request,
      SseEventSink sink,
      Sse sse,
      Executor senders,
      Consumer<EventSubscriber> onClose) {
    this.request = request;
    this.sink = sink;
    this.sse = sse;
    this.senders = senders;
    this.onClose = onClose;
  }

  /** Called once by the hub while it holds its lock, before any {@link #offer}. */
  void start(long after, long replayTo) {
    this.last = after;
    this.replayTo = replayTo;
    schedule();
  }

  String caller() {
    return request.caller();
  }

  boolean isClosed() {
    return closed.get() || sink.isClosed();
  }

  long lastSentMillis() {
    return lastSentMillis;
  }

  /** Queues an event the hub released, if this stream wants it. */
  void offer(TaskEvent event, String tenant) {
    if (closed.get() || !request.tenant().equals(tenant) || !request.filter().test(event)) {
      return;
    }
    if (backlog.incrementAndGet() > MAX_BACKLOG) {
      close();
      return;
    }
    queue.add(event);
    schedule();
  }

  /** Asks for a keepalive comment on the next send. */
  void keepalive() {
    keepalivePending = true;
    schedule();
  }

  /** Ends the stream; safe to call more than once, from any thread. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.accept(this);
      queue.clear();
      if (!draining.get()) {
        // on a sender thread: closing flushes, which may wait on a client that stopped reading,
        // and the caller may be the poller
        try {
          senders.execute(this::closeSink);
        } catch (RuntimeException e) {
          closeSink();
        }
      }
    }
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      try {
        senders.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        close();
      }
    }
  }

  private void drain() {
    try {
      if (replayTo >= 0) {
        replay();
        replayTo = -1;
      }
      TaskEvent event;
      while (!closed.get() && (event = queue.poll()) != null) {
        backlog.decrementAndGet();
        if (event.getId() > last) {
          send(event, outbound(sse, event));
        }
      }
      if (keepalivePending && !closed.get()) {
        keepalivePending = false;
        send(sse.newEventBuilder().comment("keepalive").build());
      }
    } catch (Exception e) {
      close(); // the client went away, or was too slow
    } finally {
      draining.set(false);
    }
    if (closed.get()) {
      closeSink();
    } else if (!queue.isEmpty() || keepalivePending) {
      schedule();
    }
  }

  private void replay() throws Exception {
    while (!closed.get()) {
      var page = request.replay().apply(last);
      for (var event : page) {
        if (event.getId() > replayTo) {
          return; // the hub sends the rest
        }
        send(event, outbound(sse, event));
        if (closed.get()) {
          return;
        }
      }
      if (page.size() < REPLAY_PAGE) {
        break;
      }
    }
    if (request.endedAlready()) {
      close(); // replayed everything of a task that had ended before the request
    }
  }

  /** The SSE form of a stored event: its id, its type as the event name, its JSON as data. */
  static OutboundSseEvent outbound(Sse sse, TaskEvent event) {
    return sse.newEventBuilder()
        .id(Long.toString(event.getId()))
        .name(event.getType())
        .mediaType(MediaType.TEXT_PLAIN_TYPE)
        .data(String.class, event.getData())
        .build();
  }

  private void send(TaskEvent event, OutboundSseEvent outbound) throws Exception {
    send(outbound);
    last = event.getId();
    if (request.closesAfter().test(event)) {
      close();
    }
  }

  private void send(OutboundSseEvent event) throws Exception {
    sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    lastSentMillis = System.currentTimeMillis();
  }

  private void closeSink() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      // already gone
    }
  }
}
