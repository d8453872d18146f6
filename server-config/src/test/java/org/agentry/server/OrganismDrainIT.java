package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drain on a server of its own (embedded defaults, two consumers, 6 s leases), started with
 * canary secrets: its settings show none of them; SIGTERM lets a running task finish before the
 * process ends; {@code POST /api/v1/organism/stop} stops claiming at once, lets a short task
 * finish, and leaves a task still running at the deadline and the queued ones to the lease sweeper.
 */
class OrganismDrainIT {

  private static final String JSON = "application/json";
  private static final String ADMIN = "canary-admin-" + AgentsIT.shortId() + "-token";
  private static final String SECRET_KEY = OrganismIT.randomKey();
  private static final String DB_PASSWORD = "canary-db-" + AgentsIT.shortId();
  private static final String BROKER_PASSWORD = "canary-broker-" + AgentsIT.shortId();

  private static final Map<String, String> ENV =
      Map.of(
          "AGENTRY_DISPATCH_CONCURRENCY",
          "2",
          "AGENTRY_DISPATCH_LEASE_SECONDS",
          "6",
          "AGENTRY_DISPATCH_DRAIN_SECONDS",
          "20",
          "AGENTRY_AGENTS_DIR",
          "none",
          "AGENTRY_ADMIN_TOKEN",
          ADMIN,
          "AGENTRY_SECRET_KEY",
          SECRET_KEY,
          "AGENTRY_DB_PASSWORD",
          DB_PASSWORD,
          "AGENTRY_BROKER_PASSWORD",
          BROKER_PASSWORD);

  private static ServerProcess server;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerProcess(ServerProcess.workDirectory("organism-drain-it"), ENV).start();
    api = new Api(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void drainOnSigtermThenOnRequest() throws Exception {
    settingsShowNoCanary();
    sigtermLetsARunningTaskFinish();
    stopClaimsNothingAndLeavesTheRestToTheSweeper();
  }

  private void settingsShowNoCanary() throws Exception {
    var reply = api.get("/api/v1/organism/config", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    for (var canary : List.of(ADMIN, SECRET_KEY, DB_PASSWORD, BROKER_PASSWORD)) {
      assertFalse(reply.body().contains(canary), "a canary in " + reply.body());
    }
    for (var key :
        List.of(
            "agentry.admin.token",
            "agentry.secret.key",
            "agentry.db.password",
            "agentry.broker.password")) {
      var setting = OrganismIT.setting(reply.json(), key);
      assertTrue(setting.getBoolean("secret"), setting.toString());
      assertTrue(setting.getBoolean("present"), setting.toString());
      assertTrue(AgentsIT.absent(setting, "value"), setting.toString());
    }
    assertEquals(
        "2", OrganismIT.setting(reply.json(), "agentry.dispatch.concurrency").getString("value"));
  }

  /**
   * SIGTERM while a 4 s task runs: the process waits for it, so it completes on its first claim.
   */
  private void sigtermLetsARunningTaskFinish() throws Exception {
    var agent = agent(4_000);
    var task = submit(agent);
    awaitStatus(task, "running", Duration.ofSeconds(30));
    long began = System.nanoTime();
    server.stop();
    var stopping = Duration.ofNanos(System.nanoTime() - began);
    System.out.println("DRAIN on SIGTERM: the process ended after " + stopping.toMillis() + " ms");
    assertTrue(
        server.logText().contains("drained in") && stopping.toMillis() < 20_000, server.logTail());
    server = new ServerProcess(server.dataDir, ENV).start();
    api = new Api(server.base());
    var done = api.get("/api/v1/tasks/" + task, ADMIN).json();
    assertEquals("completed", done.getString("status"), done + " stopping took " + stopping);
    assertEquals(1, done.getInt("attempts"), done.toString());
    assertTrue(
        Instant.parse(done.getString("finishedAt")).isBefore(Instant.now().minusSeconds(5)),
        "finished before the restart: " + done);
  }

  private void stopClaimsNothingAndLeavesTheRestToTheSweeper() throws Exception {
    var quick = agent(3_000);
    var stuck = agent(120_000);
    var a = submit(quick);
    var b = submit(stuck);
    awaitStatus(a, "running", Duration.ofSeconds(30));
    awaitStatus(b, "running", Duration.ofSeconds(30));
    var c = submit(quick);
    var d = submit(quick);

    var stop = api.post("/api/v1/organism/stop", ADMIN, JSON, "{\"deadlineSeconds\":8}");
    assertEquals(202, stop.status(), stop.body());
    assertEquals("draining", stop.json().getString("state"), stop.body());
    assertEquals(2, stop.json().getInt("running"), stop.body());
    assertEquals("draining", drain().getString("state"));

    // the running quick task completes; its consumer then gets c's message and drops it
    awaitStatus(a, "completed", Duration.ofSeconds(15));
    awaitRunningOnNode(1);
    var stuckRun = api.get("/api/v1/tasks/" + b, ADMIN).json();
    assertEquals("running", stuckRun.getString("status"));
    for (var queued : List.of(c, d)) {
      assertEquals("queued", status(queued), queued);
    }

    // past the deadline the stuck task's lease is no longer renewed: it lapses (6 s) and a sweep
    // (every 5 s) queues it again; this node claims none of them
    var requeued = awaitStatus(b, "queued", Duration.ofSeconds(40));
    assertEquals(1, requeued.getInt("attempts"), requeued.toString());
    assertTrue(
        api.get("/api/v1/tasks/" + b + "/events?limit=200", ADMIN).body().contains("lease_expired"),
        requeued.toString());
    assertEquals("drained", drain().getString("state"));
    Thread.sleep(6_000);
    for (var queued : List.of(b, c, d)) {
      assertEquals("queued", status(queued), queued);
    }
    var organism = api.get("/api/v1/organism", ADMIN).json();
    assertEquals(0, organism.getJsonObject("counts").getJsonObject("tasks").getInt("running"));
    assertEquals(3, organism.getJsonObject("counts").getJsonObject("tasks").getInt("queued"));
  }

  private static JsonObject drain() throws Exception {
    return api.get("/api/v1/organism", ADMIN).json().getJsonObject("drain");
  }

  private static void awaitRunningOnNode(int running) throws Exception {
    var deadline = Instant.now().plusSeconds(15);
    while (drain().getInt("running") != running) {
      assertTrue(Instant.now().isBefore(deadline), "running never " + running + ": " + drain());
      Thread.sleep(100);
    }
  }

  private static String agent(long delayMs) throws Exception {
    var name = "drain-" + AgentsIT.shortId();
    var provider =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"done\",\"delayMs\":"
            + delayMs
            + "}]}";
    assertEquals(201, api.post("/api/v1/providers", ADMIN, JSON, provider).status());
    var agent = AgentsIT.agentJson(name, name, "[]", "");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, agent).status());
    return name;
  }

  private static String submit(String agent) throws Exception {
    var reply = api.post("/api/v1/agents/" + agent + "/tasks", ADMIN, JSON, "{\"input\":\"work\"}");
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("taskId");
  }

  private static String status(String task) throws Exception {
    return api.get("/api/v1/tasks/" + task, ADMIN).json().getString("status");
  }

  private static JsonObject awaitStatus(String task, String status, Duration within)
      throws Exception {
    var deadline = Instant.now().plus(within);
    JsonObject json = null;
    while (Instant.now().isBefore(deadline)) {
      json = api.get("/api/v1/tasks/" + task, ADMIN).json();
      if (status.equals(json.getString("status"))) {
        return json;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task never " + status + ": " + json + "\n" + server.logTail());
  }
}
