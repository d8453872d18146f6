package org.agentry.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The stream benchmark ({@code bin/benchmark streams}, not part of the test suite): {@code
 * benchmark.streams} (default 500) open all-tasks event streams on one node, held by viewer keys of
 * 20 streams each. Prints the node's CPU (percent of one core) and live heap (after a full GC) with
 * the streams idle for {@code benchmark.seconds} (default 30), then while tasks of one instant
 * model call arrive at {@code benchmark.rate} per second (default 100) for as long; and what the
 * streams received (events per stream, any out of order or repeated).
 */
class StreamBenchmark {

  private static final int STREAMS = Integer.getInteger("benchmark.streams", 500);
  private static final int RATE = Integer.getInteger("benchmark.rate", 100);
  private static final int SECONDS = Integer.getInteger("benchmark.seconds", 30);
  private static final String JSON = "application/json";

  /** One stream's reader: counts events and order faults. */
  private static final class Reader implements Runnable {
    final AtomicLong events = new AtomicLong();
    final AtomicLong faults = new AtomicLong();
    private final java.io.InputStream body;

    Reader(java.io.InputStream body) {
      this.body = body;
    }

    @Override
    public void run() {
      long last = 0;
      try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("id:")) {
            long id = Long.parseLong(line.substring(3).trim());
            if (id <= last) {
              faults.incrementAndGet();
            }
            last = id;
            events.incrementAndGet();
          }
        }
      } catch (Exception e) {
        // closed at the end
      }
    }
  }

  @Test
  void run() throws Exception {
    var stub = TaskBenchmark.instantStub(0);
    var env = new HashMap<String, String>();
    env.put("AGENTRY_AGENTS_DIR", "none");
    env.put("AGENTRY_STREAMS_MAX", Integer.toString(Math.max(1000, STREAMS)));
    var server = new ServerProcess(ServerProcess.workDirectory("stream-benchmark"), env);
    var report = new StringBuilder();
    line(report, "BENCHMARK streams=%d rate=%d tasks/s seconds=%d", STREAMS, RATE, SECONDS);
    var readers = new ArrayList<Reader>();
    var bodies = new ArrayList<java.io.InputStream>();
    try (server) {
      server.start();
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      TaskBenchmark.benchAgent(api, admin, stub);
      long baseCpuPercent = cpuPercent(server, 10);
      long baseHeap = server.heapUsedAfterGcMiB();

      var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String token = null;
      for (int i = 0; i < STREAMS; i++) {
        if (i % 20 == 0) {
          token =
              api.post(
                      "/api/v1/api-keys",
                      admin,
                      JSON,
                      "{\"name\":\"bench-" + i + "\",\"role\":\"viewer\"}")
                  .json()
                  .getString("token");
        }
        var request = api.request("/api/v1/stream", token).header("Accept", "text/event-stream");
        var response =
            client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          throw new AssertionError("stream " + i + " answered " + response.statusCode());
        }
        var reader = new Reader(response.body());
        bodies.add(response.body());
        readers.add(reader);
        var thread = new Thread(reader, "stream-" + i);
        thread.setDaemon(true);
        thread.start();
      }
      Thread.sleep(2_000);
      long idleCpu = cpuPercent(server, SECONDS);
      long idleHeap = server.heapUsedAfterGcMiB();
      line(report, "  no streams: CPU %d%% of a core, heap %d MiB live", baseCpuPercent, baseHeap);
      line(
          report,
          "  %d idle streams: CPU %d%% of a core, heap %d MiB live, RSS %d MiB",
          STREAMS,
          idleCpu,
          idleHeap,
          server.rssMiB());

      var submitted = new AtomicInteger();
      var pacer = Executors.newSingleThreadScheduledExecutor();
      var clients = Executors.newFixedThreadPool(32);
      long cpuBefore = server.cpuMillis();
      long start = System.nanoTime();
      var adminToken = admin;
      Runnable submit =
          () -> {
            try {
              api.post("/api/v1/agents/bench/tasks", adminToken, JSON, "{\"input\":\"hi\"}");
              submitted.incrementAndGet();
            } catch (Exception e) {
              // counted as not submitted
            }
          };
      var tick =
          pacer.scheduleAtFixedRate(
              () -> clients.execute(submit), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
      Thread.sleep(SECONDS * 1000L);
      tick.cancel(false);
      pacer.shutdown();
      clients.shutdown();
      clients.awaitTermination(60, TimeUnit.SECONDS);
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      long loadCpu = (server.cpuMillis() - cpuBefore) * 100 / elapsedMillis;
      long loadHeap = server.heapUsedAfterGcMiB();
      // the streams catch up: every one has what the first has, and nothing more comes for 3 s
      long drainStart = System.nanoTime();
      long[] counts = readers.stream().mapToLong(r -> r.events.get()).sorted().toArray();
      long stableSince = System.nanoTime();
      while (System.nanoTime() - drainStart < 180_000_000_000L) {
        Thread.sleep(500);
        var now = readers.stream().mapToLong(r -> r.events.get()).sorted().toArray();
        if (!java.util.Arrays.equals(now, counts)) {
          counts = now;
          stableSince = System.nanoTime();
        } else if (counts[0] == counts[counts.length - 1]
            && System.nanoTime() - stableSince > 3_000_000_000L) {
          break;
        }
      }
      long drainMillis = (stableSince - drainStart) / 1_000_000;
      long faults = readers.stream().mapToLong(r -> r.faults.get()).sum();
      line(
          report,
          "  %d streams while %d tasks ran (%.0f tasks/s submitted): CPU %d%% of a core,"
              + " heap %d MiB live, RSS %d MiB",
          STREAMS,
          submitted.get(),
          submitted.get() * 1000.0 / elapsedMillis,
          loadCpu,
          loadHeap,
          server.rssMiB());
      line(
          report,
          "  events per stream: min %d, max %d, all in %.1f s after the last submit;"
              + " out of order or repeated: %d",
          counts[0],
          counts[counts.length - 1],
          drainMillis / 1e3,
          faults);
      System.out.print(System.lineSeparator() + report);
    } finally {
      for (var body : bodies) {
        try {
          body.close();
        } catch (Exception e) {
          // gone
        }
      }
      stub.stop();
    }
  }

  /** The server's CPU use over the next {@code seconds}, in percent of one core. */
  private static long cpuPercent(ServerProcess server, int seconds) throws Exception {
    long before = server.cpuMillis();
    long start = System.nanoTime();
    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return (server.cpuMillis() - before) * 100 / elapsed;
  }

  private static void line(StringBuilder report, String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }
}
