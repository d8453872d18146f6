package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Usage reports and sensor events over HTTP on the shared server: totals equal the sum of what the
 * (scripted) provider reported, by agent, model, day, session; the CSV export; and an event posted
 * twice starts one task.
 */
class UsageIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void totalsEqualWhatTheProviderReported() throws Exception {
    var from = Instant.now().minusSeconds(1);
    var turns =
        "[{\"text\":\"one\",\"promptTokens\":1200,\"completionTokens\":300},"
            + "{\"text\":\"two\",\"promptTokens\":2400,\"completionTokens\":150}]";
    var agent = agent(scriptedProvider(turns), "[]");
    var sessionId = chat(agent, "first", null).getString("sessionId");
    chat(agent, "second", sessionId);

    var scoped = api.get("/api/v1/usage/agents/" + agent, ADMIN).json();
    var totals = scoped.getJsonObject("totals");
    assertEquals(2, totals.getInt("requests"));
    assertEquals(3600, totals.getInt("promptTokens"));
    assertEquals(450, totals.getInt("completionTokens"));
    assertEquals(4050, totals.getInt("totalTokens"));
    // 3600 input tokens at 1 USD/M and 450 output tokens at 2 USD/M
    assertEquals(
        0, new BigDecimal("0.0045").compareTo(totals.getJsonNumber("costUsd").bigDecimalValue()));
    var day = LocalDate.now(ZoneOffset.UTC).toString();
    assertEquals(day, scoped.getJsonArray("byDay").getJsonObject(0).getString("key"));

    var session =
        api.get("/api/v1/usage/sessions/" + sessionId, ADMIN).json().getJsonObject("totals");
    assertEquals(totals, session);
    var report = api.get("/api/v1/usage?from=" + from, ADMIN).json();
    assertEquals(totals, group(report.getJsonArray("byAgent"), agent).getJsonObject("totals"));
    assertTrue(report.getJsonObject("totals").getInt("requests") >= 2);
    assertProblem(api.get("/api/v1/usage?from=yesterday", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void exportsOneCsvLinePerModelCall() throws Exception {
    var agent =
        agent(
            scriptedProvider("[{\"text\":\"x\",\"promptTokens\":7,\"completionTokens\":3}]"), "[]");
    chat(agent, "a", null);
    chat(agent, "b", null);

    var csv = api.get("/api/v1/usage/export?format=csv", ADMIN);

    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    var lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("id,createdAt,provider,model,agent"));
    var mine = java.util.Arrays.stream(lines).filter(l -> l.contains("," + agent + ",")).toList();
    assertEquals(2, mine.size());
    // 7 input tokens at 1 USD/M and 3 output tokens at 2 USD/M
    assertTrue(mine.get(0).contains(",7,3,0.000013,"), mine.get(0));
    assertProblem(api.get("/api/v1/usage/export?format=xml", ADMIN), 400, "VALIDATION_FAILED");
  }

  /**
   * A task's usage totals (every {@code GET /api/v1/tasks/{id}}) select its usage records by task:
   * found through an index, not by reading every usage record (a profile of the task benchmark
   * found the task reads growing with the table).
   */
  @Test
  void aTasksUsageIsFoundThroughAnIndex() throws Exception {
    try (var db =
            java.sql.DriverManager.getConnection(
                System.getProperty("agentry.it.db.url"),
                System.getProperty("agentry.it.db.user", "postgres"),
                System.getProperty("agentry.it.db.password", ""));
        var statement = db.createStatement()) {
      statement.execute("SET enable_seqscan = off"); // a small table would be scanned anyway
      var plan = new StringBuilder();
      try (var rows =
          statement.executeQuery(
              "EXPLAIN SELECT COUNT(*), SUM(prompt_tokens) FROM usage_record WHERE task_id = 'x'")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      assertTrue(plan.toString().contains("usage_record_task_idx"), plan.toString());
    }
  }

  @Test
  void theSameSensorEventTwiceStartsOneTask() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"handled\"}]"), "[]");
    var sensor = "sensor-" + AgentsIT.shortId();
    var body =
        "{\"sensorId\":\""
            + sensor
            + "\",\"eventId\":\"e1\",\"dedupeKey\":\"push-42\","
            + "\"payload\":{\"ref\":\"main\"},\"task\":{\"agent\":\""
            + agent
            + "\",\"input\":\"handle push 42\",\"priority\":\"high\"}}";

    var first = api.post("/api/v1/sensors/events", ADMIN, JSON, body);
    var second = api.post("/api/v1/sensors/events", ADMIN, JSON, body);

    assertEquals(201, first.status(), first.body());
    assertEquals(200, second.status(), second.body());
    assertEquals(first.json().getString("id"), second.json().getString("id"));
    var taskId = first.json().getString("taskId");
    assertEquals(taskId, second.json().getString("taskId"));
    assertEquals("completed", TasksIT.awaitStatus(taskId, "completed").getString("status"));
    var listed =
        (JsonArray) api.get("/api/v1/sensors/events?sensorId=" + sensor, ADMIN).structure();
    assertEquals(1, listed.size());
    assertEquals("main", listed.getJsonObject(0).getJsonObject("payload").getString("ref"));
    var tasks = api.get("/api/v1/tasks?agent=" + agent, ADMIN).json().getJsonArray("items");
    assertEquals(1, tasks.size());
    assertProblem(
        api.post("/api/v1/sensors/events", ADMIN, JSON, "{\"eventId\":\"x\"}"),
        400,
        "VALIDATION_FAILED");
  }

  private static JsonObject group(JsonArray groups, String key) {
    return groups.stream()
        .map(v -> v.asJsonObject())
        .filter(g -> g.getString("key").equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + groups));
  }
}
