package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event streams over HTTP on the shared server: the all-tasks stream starts at "now", sends
 * every event of many concurrently running tasks once and in order, a caller's streams are capped,
 * and a revoked key's stream closes within a poll.
 */
class StreamsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /**
   * HTTP/1.1, as a browser's {@code EventSource} over plain HTTP. The JDK client's default asks for
   * cleartext HTTP/2 by upgrade, and when the upgrade request was a stream that the client then
   * cancelled, Payara's Grizzly closed the whole connection with every other stream on it (README,
   * "Event streams").
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void allTasksStreamStartsAtNowAndSendsEveryEventOnceInOrder() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"ok\"}]"), "[]");
    var before = TasksIT.submit(agent, "{\"input\":\"old\"}").json().getString("taskId");
    TasksIT.awaitStatus(before, "completed");

    try (var stream = Stream.open("/api/v1/stream?agent=" + agent, ADMIN, null)) {
      Thread.sleep(500); // subscribed
      var pool = Executors.newFixedThreadPool(16);
      var ids = new CopyOnWriteArrayList<String>();
      for (int i = 0; i < 200; i++) {
        pool.submit(
            () -> {
              ids.add(TasksIT.submit(agent, "{\"input\":\"new\"}").json().getString("taskId"));
              return null;
            });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
      var stored = new ArrayList<Long>();
      for (var id : ids) {
        TasksIT.awaitStatus(id, "completed");
        TasksIT.events(id, 0)
            .forEach(e -> stored.add(e.asJsonObject().getJsonNumber("id").longValue()));
      }
      stored.sort(null);
      var deadline = Instant.now().plusSeconds(30);
      while (stream.ids.size() < stored.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      // nothing of the task that ended before the stream opened; then each event once, in order
      assertEquals(stored, stream.ids);
    }
  }

  @Test
  void aClientThatCancelsStreamsKeepsItsOtherStreams() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"ok\"}]"), "[]");
    var cancelled = new ArrayList<Stream>();
    for (int i = 0; i < 3; i++) {
      cancelled.add(Stream.open("/api/v1/stream", ADMIN, null));
    }
    try (var kept = Stream.open("/api/v1/stream?agent=" + agent, ADMIN, null)) {
      for (var stream : cancelled) {
        stream.close();
      }
      var id = TasksIT.submit(agent, "{\"input\":\"x\"}").json().getString("taskId");
      TasksIT.awaitStatus(id, "completed");
      int stored = TasksIT.events(id, 0).size();
      var deadline = Instant.now().plusSeconds(10);
      while (kept.ids.size() < stored && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertEquals(stored, kept.ids.size(), "events on the stream still open");
    }
  }

  @Test
  void aCallersStreamsAreCapped() throws Exception {
    var token = AgentsIT.viewerKey().token();
    var open = new ArrayList<Stream>();
    try {
      for (int i = 0; i < 20; i++) {
        open.add(Stream.open("/api/v1/stream", token, null));
      }
      var refused =
          api.send(
              api.request("/api/v1/stream", token).header("Accept", "text/event-stream").GET());
      assertProblem(refused, 429, "TOO_MANY_STREAMS");
      // another caller is not affected
      try (var other = Stream.open("/api/v1/stream", ADMIN, null)) {
        assertEquals(200, other.status);
      }
    } finally {
      for (var stream : open) {
        stream.close();
      }
    }
  }

  @Test
  void aRevokedKeysStreamClosesWithinAPoll() throws Exception {
    var key = AgentsIT.viewerKey();
    try (var stream = Stream.open("/api/v1/stream", key.token(), null)) {
      assertEquals(200, stream.status);
      Thread.sleep(500);
      assertEquals(1, stream.ended.getCount());
      var revokedAt = System.nanoTime();
      assertEquals(204, api.delete("/api/v1/api-keys/" + key.id(), ADMIN).status());
      assertTrue(stream.ended.await(5, TimeUnit.SECONDS), "stream still open");
      long millis = (System.nanoTime() - revokedAt) / 1_000_000;
      assertTrue(millis < 2_000, "closed after " + millis + " ms");
    }
  }

  /** An SSE client reading event ids on its own thread. */
  static final class Stream implements AutoCloseable {
    final List<Long> ids = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    final int status;
    private final Thread reader;
    private final java.io.InputStream body;

    private Stream(HttpResponse<java.io.InputStream> response) {
      this.status = response.statusCode();
      this.body = response.body();
      this.reader = new Thread(this::read, "sse-" + shortId());
      reader.setDaemon(true);
      reader.start();
    }

    static Stream open(String path, String token, Long lastEventId) throws Exception {
      var request =
          api.request(path, token)
              .header("Accept", "text/event-stream")
              .timeout(Duration.ofMinutes(5));
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId.toString());
      }
      var response = CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      return new Stream(response);
    }

    private void read() {
      try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("id:")) {
            ids.add(Long.parseLong(line.substring(3).trim()));
          }
        }
      } catch (Exception e) {
        // closed by the test
      } finally {
        ended.countDown();
      }
    }

    @Override
    public void close() throws Exception {
      body.close();
      reader.join(2_000);
    }
  }
}
