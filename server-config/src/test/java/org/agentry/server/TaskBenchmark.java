package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The task benchmark ({@code bin/benchmark}, not part of the test suite): N tasks submitted by 8
 * client threads to an agent whose OpenAI-compatible provider is an instant local stub, on the
 * embedded defaults. Prints submit throughput and latency, end-to-end tasks per second and latency,
 * and the server's RSS.
 */
class TaskBenchmark {

  private static final int TASKS = Integer.getInteger("benchmark.tasks", 1000);
  private static final int CLIENTS = 8;

  @Test
  void run() throws Exception {
    var stub =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32));
    stub.start();
    stub.stubFor(
        WireMock.post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                            + "\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":"
                            + "{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}")));
    var env = Map.of("AGENTRY_AGENTS_DIR", "none");
    try (var server = new ServerProcess(ServerProcess.workDirectory("benchmark"), env).start()) {
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      var json = "application/json";
      api.post(
          "/api/v1/providers",
          admin,
          json,
          "{\"name\":\"stub\",\"kind\":\"openai\",\"baseUrl\":\""
              + stub.baseUrl()
              + "/v1\",\"apiKey\":\"k\"}");
      api.post(
          "/api/v1/agents",
          admin,
          json,
          "{\"name\":\"bench\",\"systemPrompt\":\"Answer.\",\"provider\":\"stub\",\"model\":\"m\"}");
      long idleRss = server.rssMiB();

      var latencies = new ConcurrentLinkedQueue<Long>();
      var ids = new ConcurrentLinkedQueue<String>();
      var pool = Executors.newFixedThreadPool(CLIENTS);
      var start = System.nanoTime();
      for (int i = 0; i < TASKS; i++) {
        int n = i;
        pool.submit(
            () -> {
              long t0 = System.nanoTime();
              var reply =
                  api.post(
                      "/api/v1/agents/bench/tasks",
                      admin,
                      json,
                      "{\"input\":\"task " + n + "\",\"priority\":" + (n % 10) + "}");
              latencies.add(System.nanoTime() - t0);
              ids.add(reply.json().getString("taskId"));
              return null;
            });
      }
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.MINUTES);
      double submitSeconds = (System.nanoTime() - start) / 1e9;

      var tasks = awaitCompleted(api, admin, new ArrayList<>(ids));
      var first =
          tasks.stream()
              .map(t -> Instant.parse(t.getString("createdAt")))
              .min(Instant::compareTo)
              .orElseThrow();
      var last =
          tasks.stream()
              .map(t -> Instant.parse(t.getString("finishedAt")))
              .max(Instant::compareTo)
              .orElseThrow();
      var endToEnd = new ArrayList<Long>();
      for (var t : tasks) {
        endToEnd.add(
            Duration.between(
                    Instant.parse(t.getString("createdAt")),
                    Instant.parse(t.getString("finishedAt")))
                .toMillis());
      }
      var submitMs = latencies.stream().map(ns -> ns / 1_000_000).sorted().toList();
      Collections.sort(endToEnd);
      System.out.printf(
          "%nBENCHMARK tasks=%d clients=%d%n"
              + "  submit: %.0f tasks/s, latency p50 %d ms, p99 %d ms%n"
              + "  end to end: %.0f tasks/s, latency p50 %d ms, p99 %d ms%n"
              + "  server RSS: %d MiB idle, %d MiB after the run%n",
          TASKS,
          CLIENTS,
          TASKS / submitSeconds,
          percentile(submitMs, 50),
          percentile(submitMs, 99),
          TASKS / (Duration.between(first, last).toMillis() / 1000.0),
          percentile(endToEnd, 50),
          percentile(endToEnd, 99),
          idleRss,
          server.rssMiB());
      assertEquals(TASKS, tasks.size());
    } finally {
      stub.stop();
    }
  }

  private static List<jakarta.json.JsonObject> awaitCompleted(
      Api api, String admin, List<String> ids) throws Exception {
    var deadline = Instant.now().plusSeconds(600);
    while (Instant.now().isBefore(deadline)) {
      var state = api.get("/api/v1/dispatch", admin).json();
      if (state.getJsonObject("queueDepth").isEmpty() && state.getJsonObject("running").isEmpty()) {
        var tasks = new ArrayList<jakarta.json.JsonObject>();
        for (var id : ids) {
          tasks.add(api.get("/api/v1/tasks/" + id, admin).json());
        }
        if (tasks.stream().allMatch(t -> t.getString("status").equals("completed"))) {
          return tasks;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("benchmark tasks did not complete");
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
