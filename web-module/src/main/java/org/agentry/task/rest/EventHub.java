package org.agentry.task.rest;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.platform.rest.ApiException;
import org.agentry.platform.rest.Problem;
import org.agentry.security.boundary.ApiKeys;
import org.agentry.task.boundary.EventFeed;
import org.agentry.task.boundary.EventLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One poller per node for every event stream. It reads new events of all tasks every 250 ms,
 * releases them in id order below a commit-safe watermark ({@link
 * org.agentry.task.control.EventWatermark}: an event whose id was taken but whose transaction has
 * not committed holds back the ones above it), and hands each released event to the open streams
 * that want it. Sends run on a bounded pool of sender threads ({@code
 * agentry.streams.sender-threads}, default 8), never on the request threads or the default managed
 * executor.
 *
 * <p>Limits: {@code agentry.streams.per-caller} open streams per caller (default 20) and {@code
 * agentry.streams.max} per node (default 1000); past either the request gets 429 {@code
 * TOO_MANY_STREAMS}. The streams of an API key that is revoked (or deleted) close within one poll.
 * Every 15 s a quiet stream gets a {@code : keepalive} comment, which is also how a stream whose
 * client went away is noticed.
 */
@ApplicationScoped
public class EventHub {

  private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

  static final long POLL_MS = 250;
  private static final long KEEPALIVE_MS = 15_000;
  private static final int SCAN_LIMIT = 1000;

  /** Events below the newest one at start that the poller still reads, for late commits. */
  private static final long START_WINDOW = 1000;

  @Inject EventLog log;
  @Inject ApiKeys apiKeys;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "agentry.streams.per-caller", defaultValue = "20")
  int perCaller;

  @Inject
  @ConfigProperty(name = "agentry.streams.max", defaultValue = "1000")
  int perNode;

  @Inject
  @ConfigProperty(name = "agentry.streams.sender-threads", defaultValue = "8")
  int senderThreads;

  @Inject
  @ConfigProperty(name = "agentry.streams.gap-wait-ms", defaultValue = "10000")
  long gapWaitMillis;

  private final Set<EventSubscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private EventFeed feed;

  private ExecutorService senders;
  private Thread poller;
  private volatile boolean stopped;

  /** How many event streams are open on this node. */
  public long openStreams() {
    return subscribers.stream().filter(s -> !s.isClosed()).count();
  }

  /**
   * Opens a stream.
   *
   * @param after send events with ids above this; null: from now on (the newest stored event)
   * @param replayAll true for a task that has ended: replay everything stored, then close
   * @throws ApiException 429 {@code TOO_MANY_STREAMS} past the caller's or the node's limit
   */
  void subscribe(
      EventSubscriber.Request request, Long after, SseEventSink sink, Sse sse, boolean replayAll) {
    long now = after == null ? log.lastId() : 0;
    synchronized (lock) {
      start();
      refuseOverLimit(request.caller());
      var subscriber = new EventSubscriber(request, sink, sse, senders, subscribers::remove);
      subscribers.add(subscriber);
      long floor = feed.floor();
      if (replayAll) {
        subscriber.start(after == null ? 0 : after, Long.MAX_VALUE);
      } else if (after == null) {
        subscriber.start(now, -1);
      } else {
        subscriber.start(after, after < floor ? floor : -1);
      }
    }
  }

  private void refuseOverLimit(String caller) {
    subscribers.removeIf(EventSubscriber::isClosed);
    long mine = subscribers.stream().filter(s -> s.caller().equals(caller)).count();
    if (mine >= perCaller || subscribers.size() >= perNode) {
      throw new ApiException(
          new Problem(
              429,
              "TOO_MANY_STREAMS",
              "Too many streams",
              mine >= perCaller
                  ? "This caller has " + mine + " open streams, the most allowed."
                  : "This node serves the most streams it allows; try another node or later."));
    }
  }

  /** Starts the poller and the senders on the first stream; called with the lock held. */
  private void start() {
    if (feed != null) {
      return;
    }
    feed = new EventFeed(log, Math.max(0, log.lastId() - START_WINDOW), gapWaitMillis, SCAN_LIMIT);
    senders =
        new ThreadPoolExecutor(
            senderThreads,
            senderThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    poller = threads.newThread(this::poll);
    poller.setName("agentry-event-poller");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    while (!stopped) {
      boolean more = false;
      try {
        more = pollOnce();
        closeRevoked();
        keepalives();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "event poll failed: {0}", e.toString());
      }
      if (!more) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** One scan; true when it read a full page (so there is more to read at once). */
  private boolean pollOnce() {
    synchronized (
        lock) { // a stream that subscribes sees the floor and the events released together
      var batch = feed.poll();
      var tenants =
          batch.released().isEmpty() ? Map.<String, String>of() : log.tenantsOf(batch.released());
      for (var event : batch.released()) {
        var tenant = tenants.get(event.getTaskId());
        for (var subscriber : subscribers) {
          subscriber.offer(event, tenant);
        }
      }
      return batch.more();
    }
  }

  private void closeRevoked() {
    var keys = new HashMap<String, Set<EventSubscriber>>();
    for (var subscriber : subscribers) {
      var caller = subscriber.caller();
      if (caller.startsWith(ApiKeys.KEY_CALLER_PREFIX)) {
        keys.computeIfAbsent(
                caller.substring(ApiKeys.KEY_CALLER_PREFIX.length()), k -> new HashSet<>())
            .add(subscriber);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    for (var id : apiKeys.unusable(keys.keySet())) {
      keys.get(id).forEach(EventSubscriber::close);
    }
  }

  private void keepalives() {
    long now = System.currentTimeMillis();
    for (var subscriber : subscribers) {
      if (subscriber.isClosed()) {
        subscriber.close();
      } else if (now - subscriber.lastSentMillis() >= KEEPALIVE_MS) {
        subscriber.keepalive();
      }
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    if (poller != null) {
      poller.interrupt();
    }
    subscribers.forEach(EventSubscriber::close);
    if (senders != null) {
      senders.shutdownNow();
    }
  }
}
