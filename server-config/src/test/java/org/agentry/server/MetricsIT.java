package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the shared server: refused without a token, and a scrape that
 * Prometheus's own Python client parses ({@code prometheus_client.parser}, Debian's {@code
 * python3-prometheus-client}, which {@code bin/test} installs), whose values move when a task with
 * a tool call runs.
 */
class MetricsIT {

  private static final String ADMIN = SharedServer.ADMIN;

  /** Reads the exposition on stdin, writes one JSON object per sample. */
  private static final String PARSER =
      "import sys, json\n"
          + "from prometheus_client.parser import text_string_to_metric_families\n"
          + "for family in text_string_to_metric_families(sys.stdin.read()):\n"
          + "  for s in family.samples:\n"
          + "    print(json.dumps({'family': family.name, 'type': family.type,"
          + " 'name': s.name, 'labels': s.labels, 'value': s.value}))\n";

  private static Api api;

  /** A parsed sample. */
  record Sample(String family, String type, String name, Map<String, String> labels, double value) {
    boolean has(String label, String value) {
      return value.equals(labels.get(label));
    }
  }

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void metricsNeedATokenWithARole() throws Exception {
    assertProblem(api.get("/metrics", null), 401, "UNAUTHENTICATED");
    assertProblem(api.get("/metrics", "not-a-token"), 401, "UNAUTHENTICATED");
    var viewer =
        api.post(
                "/api/v1/api-keys",
                ADMIN,
                "application/json",
                "{\"name\":\"metrics-" + UUID.randomUUID() + "\",\"role\":\"viewer\"}")
            .json()
            .getString("token");
    var scrape = api.get("/metrics", viewer);
    assertEquals(200, scrape.status(), scrape.body());
    assertTrue(scrape.contentType().startsWith("text/plain; version=0.0.4"), scrape.contentType());
  }

  @Test
  void aScrapeParsesAndItsValuesMoveWhenATaskRuns() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],"
            + "\"promptTokens\":100,\"completionTokens\":10},"
            + "{\"text\":\"done\",\"promptTokens\":200,\"completionTokens\":20}]";
    var provider = scriptedProvider(turns);
    var agent = agent(provider, "[\"current_time\"]");
    var before = scrape();
    assertTrue(value(before, "agentry_tasks", Map.of("status", "queued")) >= 0, "tasks by status");
    assertTrue(
        before.stream().anyMatch(s -> s.name().equals("agentry_sse_streams_open")), "open streams");

    var task = TasksIT.submit(agent, "{\"input\":\"what time is it?\"}").json().getString("taskId");
    TasksIT.awaitStatus(task, "completed");

    var after = scrape();
    assertEquals(
        300, value(after, "agentry_tokens_total", Map.of("agent", agent, "kind", "prompt")));
    assertEquals(
        30, value(after, "agentry_tokens_total", Map.of("agent", agent, "kind", "completion")));
    assertEquals(
        2,
        value(
            after,
            "agentry_model_call_duration_seconds_count",
            Map.of("provider", provider, "model", "scripted")));
    // 300 prompt tokens at 1 USD/M and 30 completion tokens at 2 USD/M
    assertEquals(0.00036, value(after, "agentry_cost_usd_total", Map.of("agent", agent)), 1e-9);
    assertEquals(
        1,
        value(
            after,
            "agentry_task_duration_seconds_count",
            Map.of("agent", agent, "status", "completed")));
    assertTrue(
        value(after, "agentry_tool_calls_total", Map.of("tool", "current_time", "outcome", "ok"))
            >= 1);
    // the task gauges read a snapshot of the database kept for a second
    var completedBefore = value(before, "agentry_tasks", Map.of("status", "completed"));
    var deadline = System.nanoTime() + 10_000_000_000L;
    while (value(after, "agentry_tasks", Map.of("status", "completed")) <= completedBefore
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      after = scrape();
    }
    assertTrue(
        value(after, "agentry_tasks", Map.of("status", "completed")) > completedBefore,
        "completed tasks grew");
    var family =
        after.stream()
            .filter(s -> s.name().equals("agentry_task_duration_seconds_bucket"))
            .findFirst()
            .orElseThrow();
    assertEquals("histogram", family.type());
  }

  private static double value(List<Sample> samples, String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> labels.entrySet().stream().allMatch(e -> s.has(e.getKey(), e.getValue())))
        .mapToDouble(Sample::value)
        .sum();
  }

  private static List<Sample> scrape() throws Exception {
    var reply = api.get("/metrics", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return parse(reply.body());
  }

  /** Parses an exposition with Prometheus's Python client; fails on text it refuses. */
  static List<Sample> parse(String exposition) throws Exception {
    var process = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).start();
    try (var in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var errReader = new Thread(() -> copy(process.getErrorStream(), err));
    errReader.start();
    process.getInputStream().transferTo(out);
    errReader.join();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "parser finished");
    assertEquals(0, process.exitValue(), "the parser refused the exposition: " + err);
    var samples = new ArrayList<Sample>();
    for (var line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject json = Jsons.createReader(line).readObject();
      var labels = new java.util.TreeMap<String, String>();
      json.getJsonObject("labels")
          .forEach((k, v) -> labels.put(k, ((jakarta.json.JsonString) v).getString()));
      samples.add(
          new Sample(
              json.getString("family"),
              json.getString("type"),
              json.getString("name"),
              labels,
              json.getJsonNumber("value").doubleValue()));
    }
    assertTrue(samples.size() > 10, "samples parsed: " + samples.size());
    return samples;
  }

  private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (java.io.IOException e) {
      // the process ended; what was read is kept
    }
  }
}
