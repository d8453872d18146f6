package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The task benchmark ({@code bin/benchmark}, not part of the test suite): tasks of one model call
 * each, submitted by client threads to an agent whose OpenAI-compatible provider is an instant stub
 * on 127.0.0.1, in two rounds on one server (cold, then warm). Prints the start time, per round the
 * submit and end-to-end throughput and latency, the tasks in service on average, the server's CPU
 * time per task, the machine's CPU time per task split by process (server, PostgreSQL, this JVM:
 * the client and the stub) and, on PostgreSQL, transactions, rows written and statements per task;
 * and the server's RSS. System properties (set by {@code bin/benchmark}): {@code benchmark.tasks}
 * per round, {@code benchmark.clients}, {@code benchmark.concurrency} (empty: the server's
 * default), {@code benchmark.db.url}/{@code .user}/{@code .password} (empty URL: embedded H2),
 * {@code benchmark.pg.log} (PostgreSQL's log file, for statements) and {@code
 * benchmark.model.delay.ms} (how long the stub takes to answer, default 0: with a slow model the
 * figures show how many tasks dispatch keeps in service rather than how fast the node's CPU is).
 */
class TaskBenchmark {

  private static final int TASKS = Integer.getInteger("benchmark.tasks", 1000);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
  private static final String DB_URL = System.getProperty("benchmark.db.url", "");
  private static final int MODEL_DELAY_MS = Integer.getInteger("benchmark.model.delay.ms", 0);
  private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(5);
  private static final String JSON = "application/json";

  /**
   * A measured round: the round's own figures, the CPU spent by the server, PostgreSQL, this JVM
   * and the machine, database counters or null.
   */
  private record Measured(
      String label, TaskRound.Result result, MachineCpu.Reading cpu, DatabaseCounters.Delta db) {}

  @Test
  void run() throws Exception {
    var stub = instantStub(MODEL_DELAY_MS);
    var server = new ServerProcess(ServerProcess.workDirectory("benchmark"), environment());
    var concurrency =
        ServerSettings.read(new Properties(), server.effectiveEnvironment()).dispatchConcurrency();
    var report = new StringBuilder();
    line(
        report,
        "BENCHMARK tasks=%d clients=%d db=%s concurrency=%d model-delay=%dms",
        TASKS,
        CLIENTS,
        DB_URL.isEmpty() ? "h2" : "postgresql",
        concurrency,
        MODEL_DELAY_MS);
    try (server) {
      server.start();
      line(report, "  cold start: %.1f s to /health/ready UP", server.startup().toMillis() / 1e3);
      var admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
      var api = new Api(server.base());
      benchAgent(api, admin, stub);
      long idleRss = server.rssMiB();

      var rounds = measureRounds(server, new TaskRound(api, admin, "bench"));
      long runRss = server.rssMiB();
      for (var round : rounds) {
        report(report, round, api, admin);
      }
      line(report, "  server RSS: %d MiB idle after start, %d MiB after the run", idleRss, runRss);
      System.out.print(System.lineSeparator() + report);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nserver log: " + server.log, e);
    } finally {
      stub.stop();
    }
  }

  /** Round 1 (cold) and round 2 (warm) with server CPU time and database counters around each. */
  private static List<Measured> measureRounds(ServerProcess server, TaskRound round)
      throws Exception {
    DatabaseCounters counters = null;
    DatabaseCounters.Reading reading = null;
    if (!DB_URL.isEmpty()) {
      var log = System.getProperty("benchmark.pg.log", "");
      counters =
          new DatabaseCounters(
              DB_URL,
              System.getProperty("benchmark.db.user", "postgres"),
              System.getProperty("benchmark.db.password", ""),
              log.isEmpty() ? Optional.empty() : Optional.of(Path.of(log)));
      reading = counters.settleAndRead();
    }
    var rounds = new ArrayList<Measured>();
    for (var label : List.of("cold", "warm")) {
      var before = MachineCpu.read(server.pid());
      var result = round.run(label, TASKS, CLIENTS, ROUND_TIMEOUT);
      var cpu = MachineCpu.read(server.pid()).minus(before);
      DatabaseCounters.Delta db = null;
      if (counters != null) {
        var next = counters.settleAndRead();
        db = counters.between(reading, next);
        reading = next;
      }
      rounds.add(new Measured(label, result, cpu, db));
    }
    return rounds;
  }

  /** Appends a round's lines; end-to-end figures come from the tasks' own timestamps. */
  private static void report(StringBuilder report, Measured round, Api api, String admin)
      throws Exception {
    var result = round.result();
    var tasks = completedTasks(api, admin, round.label(), result.taskIds());
    var first = tasks.stream().map(t -> instant(t, "createdAt")).min(Instant::compareTo).get();
    var last = tasks.stream().map(t -> instant(t, "finishedAt")).max(Instant::compareTo).get();
    var endToEnd =
        tasks.stream()
            .map(t -> Duration.between(instant(t, "createdAt"), instant(t, "finishedAt")))
            .map(Duration::toMillis)
            .sorted()
            .toList();
    var label = round.label();
    line(
        report,
        "  %s submit: %.0f requests/s, latency p50 %d ms, p99 %d ms",
        label,
        TASKS / result.submitSeconds(),
        percentile(result.submitMillis(), 50),
        percentile(result.submitMillis(), 99));
    line(
        report,
        "  %s end to end: %.1f tasks/s, latency p50 %d ms, p99 %d ms",
        label,
        TASKS / (Duration.between(first, last).toMillis() / 1e3),
        percentile(endToEnd, 50),
        percentile(endToEnd, 99));
    line(
        report,
        "  %s in service: %.1f tasks on average (%d samples), server CPU %.1f ms/task",
        label,
        result.averageRunning(),
        result.samples(),
        (double) round.cpu().server() / TASKS);
    var cpu = round.cpu();
    line(
        report,
        "  %s machine: %.1f ms CPU/task (server %.1f, PostgreSQL %.1f, benchmark client and stub"
            + " %.1f, rest %.1f), %.0f %% of its CPUs busy",
        label,
        (double) cpu.machineBusy() / TASKS,
        (double) cpu.server() / TASKS,
        (double) cpu.database() / TASKS,
        (double) cpu.self() / TASKS,
        (double) (cpu.machineBusy() - cpu.server() - cpu.database() - cpu.self()) / TASKS,
        100.0 * cpu.machineBusy() / cpu.machineTotal());
    var db = round.db();
    if (db != null) {
      line(
          report,
          "  %s database: %.1f transactions/task, %.1f rows written/task, %s statements/task",
          label,
          (double) db.transactions() / TASKS,
          (double) db.rowsWritten() / TASKS,
          db.statements() < 0
              ? "n/a"
              : String.format(Locale.ROOT, "%.1f", (double) db.statements() / TASKS));
    }
  }

  /** The tasks, each fetched once; fails unless every one completed. */
  private static List<JsonObject> completedTasks(
      Api api, String admin, String label, List<String> ids) throws Exception {
    var tasks = new ArrayList<JsonObject>();
    var byStatus = new TreeMap<String, Integer>();
    for (var id : ids) {
      var task = api.get("/api/v1/tasks/" + id, admin).json();
      tasks.add(task);
      byStatus.merge(task.getString("status"), 1, Integer::sum);
    }
    if (ids.size() != TASKS || byStatus.getOrDefault("completed", 0) != TASKS) {
      throw new AssertionError(label + " round: tasks by status " + byStatus);
    }
    return tasks;
  }

  /**
   * The server's environment: no packaged agents, the database and concurrency asked for (the JVM
   * options reach {@link ServerProcess} as {@code agentry.it.server.java-options}).
   */
  private static Map<String, String> environment() {
    var env = new HashMap<String, String>();
    env.put("AGENTRY_AGENTS_DIR", "none");
    var concurrency = System.getProperty("benchmark.concurrency", "");
    if (!concurrency.isBlank()) {
      env.put("AGENTRY_DISPATCH_CONCURRENCY", concurrency.trim());
    }
    if (!DB_URL.isEmpty()) {
      env.put("AGENTRY_DB_URL", DB_URL);
      env.put("AGENTRY_DB_USER", System.getProperty("benchmark.db.user", "postgres"));
      env.put("AGENTRY_DB_PASSWORD", System.getProperty("benchmark.db.password", ""));
    }
    return env;
  }

  /** The provider {@code stub} on the stub and the agent {@code bench} using it. */
  static void benchAgent(Api api, String admin, WireMockServer stub) throws Exception {
    api.post(
        "/api/v1/providers",
        admin,
        JSON,
        "{\"name\":\"stub\",\"kind\":\"openai\",\"baseUrl\":\""
            + stub.baseUrl()
            + "/v1\",\"apiKey\":\"k\"}");
    api.post(
        "/api/v1/agents",
        admin,
        JSON,
        "{\"name\":\"bench\",\"systemPrompt\":\"Answer.\",\"provider\":\"stub\",\"model\":\"m\"}");
  }

  /**
   * An OpenAI-compatible provider on 127.0.0.1 that answers every chat completion at once, or after
   * {@code delayMs}.
   */
  static WireMockServer instantStub(int delayMs) {
    var stub =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32));
    stub.start();
    stub.stubFor(
        WireMock.post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withFixedDelay(delayMs)
                    .withBody(
                        "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                            + "\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":"
                            + "{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}")));
    return stub;
  }

  private static Instant instant(JsonObject task, String field) {
    return Instant.parse(task.getString(field));
  }

  private static void line(StringBuilder report, String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
