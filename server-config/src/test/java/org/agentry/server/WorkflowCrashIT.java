package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workflow of 20 agent steps (a pipeline of five parallels of four) on a server of its own,
 * killed ({@code kill -9}) twice mid-run and restarted on the same data: the run completes, each
 * node's task was started once and completed once.
 */
class WorkflowCrashIT {

  private static final String JSON = "application/json";
  private static final int STAGES = 5;
  private static final int WIDTH = 4;

  private ServerProcess server;
  private Api api;
  private String admin;

  @Test
  void aRunKilledTwiceCompletesWithEachNodesTaskCompletedOnce() throws Exception {
    var dir = ServerProcess.workDirectory("workflow-crash-it");
    var env =
        Map.of(
            "AGENTRY_DISPATCH_CONCURRENCY", "4",
            "AGENTRY_DISPATCH_LEASE_SECONDS", "10",
            "AGENTRY_AGENTS_DIR", "none");
    try {
      start(new ServerProcess(dir, env));
      var runId = startRun();

      awaitCompletedSteps(runId, 4);
      server.kill();
      start(new ServerProcess(dir, env));
      awaitCompletedSteps(runId, 12);
      server.kill();
      start(new ServerProcess(dir, env));

      var run = awaitEnd(runId);
      assertEquals("completed", run.getString("status"), run.toString());
      var steps =
          run.getJsonArray("nodes").stream()
              .map(v -> v.asJsonObject())
              .filter(n -> n.getString("kind").equals("agent"))
              .toList();
      assertEquals(STAGES * WIDTH, steps.size(), run.toString());
      var taskIds = new HashSet<String>();
      for (var step : steps) {
        assertEquals("completed", step.getString("status"), step.toString());
        var taskId = step.getString("taskId");
        assertTrue(taskIds.add(taskId), "one task per node: " + taskId);
        var events =
            (JsonArray) api.get("/api/v1/tasks/" + taskId + "/events?limit=200", admin).structure();
        long completions =
            events.stream()
                .map(e -> e.asJsonObject().getJsonObject("data"))
                .filter(d -> "completed".equals(d.getString("status", "")))
                .count();
        assertEquals(1, completions, "completed once: " + taskId);
      }
      var tasks = api.get("/api/v1/tasks?agent=stage&limit=200", admin).json();
      assertEquals(
          STAGES * WIDTH, tasks.getJsonArray("items").size(), "no node's task started twice");
      assertEquals("[\"ok\",\"ok\",\"ok\",\"ok\"]", run.getString("output"));
    } finally {
      if (server != null) {
        server.stop();
      }
    }
  }

  private void start(ServerProcess process) throws Exception {
    server = process.start();
    admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
    api = new Api(server.base());
  }

  private String startRun() throws Exception {
    created(
        api.post(
            "/api/v1/providers",
            admin,
            JSON,
            "{\"name\":\"slow\",\"kind\":\"scripted\","
                + "\"scriptedTurns\":[{\"text\":\"ok\",\"delayMs\":1500}]}"));
    created(
        api.post(
            "/api/v1/agents",
            admin,
            JSON,
            "{\"name\":\"stage\",\"systemPrompt\":\"x\",\"provider\":\"slow\",\"model\":\"scripted\"}"));
    var stages = new StringBuilder();
    for (int s = 0; s < STAGES; s++) {
      var branches = new StringBuilder();
      for (int b = 0; b < WIDTH; b++) {
        branches
            .append(b == 0 ? "" : ",")
            .append("{\"kind\":\"agent\",\"agent\":\"stage\",\"input\":\"stage ")
            .append(s)
            .append(" branch ")
            .append(b)
            .append(": {{input}}\"}");
      }
      stages
          .append(s == 0 ? "" : ",")
          .append("{\"kind\":\"parallel\",\"branches\":[")
          .append(branches)
          .append("]}");
    }
    created(
        api.post(
            "/api/v1/workflows",
            admin,
            JSON,
            "{\"name\":\"crash\",\"definition\":{\"root\":{\"kind\":\"pipeline\",\"steps\":["
                + stages
                + "]}}}"));
    var run = api.post("/api/v1/workflows/crash/runs", admin, JSON, "{\"input\":\"go\"}");
    assertEquals(202, run.status(), run.body());
    return run.json().getString("id");
  }

  private void awaitCompletedSteps(String runId, int count) throws Exception {
    var deadline = Instant.now().plusSeconds(180);
    JsonObject run = null;
    while (Instant.now().isBefore(deadline)) {
      run = api.get("/api/v1/workflow-runs/" + runId, admin).json();
      long done =
          run.getJsonArray("nodes").stream()
              .map(v -> v.asJsonObject())
              .filter(n -> n.getString("kind").equals("agent"))
              .filter(n -> n.getString("status").equals("completed"))
              .count();
      if (done >= count) {
        assertEquals("running", run.getString("status"), "killed mid-run");
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never " + count + " steps completed: " + run);
  }

  private JsonObject awaitEnd(String runId) throws Exception {
    var deadline = Instant.now().plusSeconds(300);
    JsonObject run = null;
    while (Instant.now().isBefore(deadline)) {
      run = api.get("/api/v1/workflow-runs/" + runId, admin).json();
      if (!run.getString("status").equals("running")) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the run never ended: " + run);
  }

  private static void created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply.body());
  }
}
