package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fan-out benchmark ({@code bin/benchmark fanout}, not part of the test suite): a workflow of
 * one {@code parallel} node with {@code benchmark.children} (default 100) agent steps on an instant
 * OpenAI-compatible stub, against as many plain tasks submitted at once by 16 clients, on one
 * server (embedded defaults), in {@code benchmark.rounds} (default 3) rounds. Per round it prints
 * the run's time from start to join (the run's {@code createdAt} to {@code finishedAt}), the plain
 * tasks' time from the first {@code createdAt} to the last {@code finishedAt}, the server's CPU
 * time per child and per plain task, and the difference per child: the overhead of running a task
 * as a step.
 */
class FanOutBenchmark {

  private static final int CHILDREN = Integer.getInteger("benchmark.children", 100);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  private static final int CLIENTS = 16;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final String JSON = "application/json";

  @Test
  void run() throws Exception {
    var stub = TaskBenchmark.instantStub(0);
    var server =
        new ServerProcess(
            ServerProcess.workDirectory("fanout"), Map.of("AGENTRY_AGENTS_DIR", "none"));
    var report = new StringBuilder();
    line(report, "BENCHMARK fan-out children=%d rounds=%d db=h2", CHILDREN, ROUNDS);
    var clients = Executors.newFixedThreadPool(CLIENTS);
    try (server) {
      server.start();
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      TaskBenchmark.benchAgent(api, admin, stub);
      var branches = new ArrayList<String>();
      for (int i = 0; i < CHILDREN; i++) {
        branches.add("{\"kind\":\"agent\",\"agent\":\"bench\",\"input\":\"part " + i + "\"}");
      }
      var defined =
          api.post(
              "/api/v1/workflows",
              admin,
              JSON,
              "{\"name\":\"fanout\",\"definition\":{\"root\":{\"kind\":\"parallel\",\"branches\":["
                  + String.join(",", branches)
                  + "]}}}");
      assertEquals(201, defined.status(), defined.body());
      for (int round = 1; round <= ROUNDS; round++) {
        long cpu = server.cpuMillis();
        var run = fanOut(api, admin);
        long fanCpu = server.cpuMillis() - cpu;
        cpu = server.cpuMillis();
        var plain = plainTasks(api, admin, clients);
        long plainCpu = server.cpuMillis() - cpu;
        long join = millis(run, "createdAt", "finishedAt");
        line(
            report,
            "  round %d: fan-out start to join %d ms (%.1f ms a child), server CPU %.1f ms a child",
            round,
            join,
            (double) join / CHILDREN,
            (double) fanCpu / CHILDREN);
        line(
            report,
            "           %d plain tasks at once: first created to last finished %d ms (%.1f ms a"
                + " task), server CPU %.1f ms a task",
            CHILDREN,
            plain.toMillis(),
            (double) plain.toMillis() / CHILDREN,
            (double) plainCpu / CHILDREN);
        line(
            report,
            "           overhead of a step over a plain task: %+.1f ms elapsed, %+.1f ms CPU",
            (double) (join - plain.toMillis()) / CHILDREN,
            (double) (fanCpu - plainCpu) / CHILDREN);
      }
      System.out.print(System.lineSeparator() + report);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nserver log: " + server.log, e);
    } finally {
      clients.shutdownNow();
      stub.stop();
    }
  }

  /** Starts a run and waits for its end; the run, which must have completed. */
  private static JsonObject fanOut(Api api, String admin) throws Exception {
    var started = api.post("/api/v1/workflows/fanout/runs", admin, JSON, "{\"input\":\"go\"}");
    assertEquals(202, started.status(), started.body());
    var id = started.json().getString("id");
    var deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      var run = api.get("/api/v1/workflow-runs/" + id, admin).json();
      if (!"running".equals(run.getString("status"))) {
        assertEquals("completed", run.getString("status"), run.toString());
        return run;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the fan-out run did not end in " + TIMEOUT);
  }

  /** Submits the plain tasks at once; the span from the first's creation to the last's end. */
  private static Duration plainTasks(Api api, String admin, ExecutorService clients)
      throws Exception {
    var submits = new ArrayList<Future<String>>();
    for (int i = 0; i < CHILDREN; i++) {
      var input = "{\"input\":\"part " + i + "\"}";
      submits.add(
          clients.submit(
              () -> {
                var reply = api.post("/api/v1/agents/bench/tasks", admin, JSON, input);
                assertEquals(202, reply.status(), reply.body());
                return reply.json().getString("taskId");
              }));
    }
    var ids = new ArrayList<String>();
    for (var submit : submits) {
      ids.add(submit.get());
    }
    var tasks = new ArrayList<JsonObject>();
    var deadline = Instant.now().plus(TIMEOUT);
    for (var id : ids) {
      while (true) {
        var task = api.get("/api/v1/tasks/" + id, admin).json();
        if (task.containsKey("finishedAt") && !task.isNull("finishedAt")) {
          assertEquals("completed", task.getString("status"), task.toString());
          tasks.add(task);
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("plain task " + id + " did not end: " + task);
        }
        Thread.sleep(20);
      }
    }
    var first = tasks.stream().map(t -> at(t, "createdAt")).min(Instant::compareTo).orElseThrow();
    var last = tasks.stream().map(t -> at(t, "finishedAt")).max(Instant::compareTo).orElseThrow();
    return Duration.between(first, last);
  }

  private static long millis(JsonObject object, String from, String to) {
    return Duration.between(at(object, from), at(object, to)).toMillis();
  }

  private static Instant at(JsonObject object, String field) {
    return Instant.parse(object.getString(field));
  }

  private static void line(StringBuilder report, String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }
}
