package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Background tasks over HTTP on the shared server: submit and complete, validation, idempotency,
 * cancel (queued and running), ask_user and respond, delete, filters and paging, and an SSE stream
 * that reconnects with Last-Event-ID without gaps or duplicates.
 */
class TasksIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void taskRunsToCompletionWithEventsUsageAndContext() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"promptTokens\":10,"
            + "\"completionTokens\":2},{\"text\":\"all done\",\"promptTokens\":20,\"completionTokens\":3}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");

    var accepted =
        submit(agent, "{\"input\":\"check the time\",\"priority\":\"high\",\"tags\":[\"x\"]}");
    assertEquals(202, accepted.status(), accepted.body());
    assertEquals("queued", accepted.json().getString("status"));
    var id = accepted.json().getString("taskId");
    assertTrue(
        accepted
            .raw()
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("/api/v1/tasks/" + id));

    var task = awaitStatus(id, "completed");
    assertEquals("all done", task.getString("output"));
    assertEquals("completed", task.getString("stopReason"));
    assertEquals(7, task.getInt("priority"));
    assertEquals(1, task.getInt("attempts"));
    var usage = task.getJsonObject("usage");
    assertEquals(2, usage.getInt("iterations"));
    assertEquals(30, usage.getInt("promptTokens"));
    assertEquals(5, usage.getInt("completionTokens"));

    var types = events(id, 0).stream().map(e -> e.asJsonObject().getString("type")).toList();
    assertEquals(
        List.of(
            "status",
            "status",
            "message",
            "model.request",
            "model.response",
            "tool.start",
            "tool.end",
            "model.request",
            "model.response",
            "message",
            "status"),
        types);
    var context = api.get("/api/v1/tasks/" + id + "/context", ADMIN).json();
    assertEquals("You help.", context.getString("systemPrompt"));
    var roles =
        context.getJsonArray("messages").stream()
            .map(m -> m.asJsonObject().getString("role"))
            .toList();
    assertEquals(List.of("user", "assistant", "tool"), roles);
  }

  @Test
  void listSortsByCreatedTimeBothWaysAndPagesByCursorInEither() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var submitted = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      var reply = submit(agent, "{\"input\":\"n" + i + "\"}");
      assertEquals(202, reply.status(), reply.body());
      submitted.add(reply.json().getString("taskId"));
    }
    var newestFirst = new ArrayList<>(submitted);
    java.util.Collections.reverse(newestFirst);
    assertEquals(submitted, pagedIds(agent, "asc"));
    assertEquals(newestFirst, pagedIds(agent, "desc"));
    assertEquals(newestFirst, pagedIds(agent, null));
    assertProblem(
        api.get("/api/v1/tasks?agent=" + agent + "&order=up", ADMIN), 400, "VALIDATION_FAILED");
  }

  /** Every task of the agent, read in pages of 2 following nextCursor. */
  private static List<String> pagedIds(String agent, String order) throws Exception {
    var ids = new ArrayList<String>();
    String cursor = null;
    for (int page = 0; page < 10; page++) {
      var path =
          "/api/v1/tasks?limit=2&agent="
              + agent
              + (order == null ? "" : "&order=" + order)
              + (cursor == null ? "" : "&cursor=" + cursor);
      var reply = api.get(path, ADMIN).json();
      for (var item : reply.getJsonArray("items")) {
        ids.add(item.asJsonObject().getString("taskId"));
      }
      if (!reply.containsKey("nextCursor") || reply.isNull("nextCursor")) {
        return ids;
      }
      cursor = reply.getString("nextCursor");
    }
    throw new AssertionError("more than 10 pages: " + ids);
  }

  @Test
  void badSubmissionsGetProblemsAndCreateNothing() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    assertProblem(submit(agent, "{}"), 400, "VALIDATION_FAILED");
    assertProblem(submit(agent, "{\"input\":\"x\",\"priority\":12}"), 400, "VALIDATION_FAILED");
    assertProblem(
        submit(agent, "{\"input\":\"x\",\"priority\":\"urgent\"}"), 400, "VALIDATION_FAILED");
    assertProblem(
        submit(
            agent, "{\"input\":\"x\",\"delaySeconds\":5,\"notBefore\":\"2030-01-01T00:00:00Z\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(submit(agent, "{\"input\":\"x\",\"owner\":\"me\"}"), 400, "MALFORMED_JSON");
    for (var schema :
        List.of("\"an object\"", "[]", "{\"type\":\"string\"}", "{\"title\":\"x\"}")) {
      assertProblem(
          submit(agent, "{\"input\":\"x\",\"responseSchema\":" + schema + "}"),
          400,
          "VALIDATION_FAILED");
    }
    assertProblem(submit("no-such-agent", "{\"input\":\"x\"}"), 404, "AGENT_NOT_FOUND");
    assertEquals(200, api.post("/api/v1/agents/" + agent + "/pause", ADMIN, JSON, "").status());
    assertProblem(submit(agent, "{\"input\":\"x\"}"), 409, "AGENT_PAUSED");
    var listed = api.get("/api/v1/tasks?agent=" + agent, ADMIN).json();
    assertEquals(0, listed.getJsonArray("items").size());
  }

  @Test
  void idempotencyKeyReturnsTheSameTask() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var key = UUID.randomUUID().toString();
    var first = submitWithKey(agent, key, "{\"input\":\"once\",\"priority\":3}");
    var again = submitWithKey(agent, key, "{ \"priority\": 3, \"input\": \"once\" }");
    assertEquals(202, again.status());
    assertEquals(first.json().getString("taskId"), again.json().getString("taskId"));
    assertProblem(
        submitWithKey(agent, key, "{\"input\":\"twice\"}"), 409, "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void submitsWithOneKeyAtOnceGetOneTask() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var key = UUID.randomUUID().toString();
    var pool = Executors.newFixedThreadPool(6);
    try {
      var start = new CountDownLatch(1);
      var replies = new ArrayList<Future<Api.Reply>>();
      for (int i = 0; i < 6; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return submitWithKey(agent, key, "{\"input\":\"once\"}");
                }));
      }
      start.countDown();
      var ids = new java.util.HashSet<String>();
      for (var reply : replies) {
        var answer = reply.get(60, TimeUnit.SECONDS);
        assertEquals(202, answer.status(), answer.body());
        ids.add(answer.json().getString("taskId"));
      }
      assertEquals(1, ids.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void idempotencyKeysBelongToTheirAgent() throws Exception {
    var provider = scriptedProvider("[{\"text\":\"x\"}]");
    var first = agent(provider, "[]");
    var second = agent(provider, "[]");
    var key = UUID.randomUUID().toString();

    var one = submitWithKey(first, key, "{\"input\":\"same\"}");
    var other = submitWithKey(second, key, "{\"input\":\"same\"}");

    assertEquals(202, other.status(), other.body());
    assertFalse(
        one.json().getString("taskId").equals(other.json().getString("taskId")),
        "two agents, two tasks");
  }

  @Test
  void tagFiltersTakeUnderscoresLiterally() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var literal = "a_" + suffix;
    submit(agent, "{\"input\":\"x\",\"tags\":[\"" + literal + "\"]}");
    submit(agent, "{\"input\":\"x\",\"tags\":[\"ab" + suffix + "\"]}");

    var found = api.get("/api/v1/tasks?tag=" + literal, ADMIN).json().getJsonArray("items");

    assertEquals(1, found.size(), found.toString());
  }

  @Test
  void queuedTaskIsCancelledAtOnce() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var id =
        submit(agent, "{\"input\":\"later\",\"delaySeconds\":3600}").json().getString("taskId");
    assertEquals("queued", api.get("/api/v1/tasks/" + id, ADMIN).json().getString("status"));

    var cancelled = api.post("/api/v1/tasks/" + id + "/cancel", ADMIN, JSON, "");
    assertEquals("cancelled", cancelled.json().getString("status"));
    assertProblem(
        api.post("/api/v1/tasks/" + id + "/cancel", ADMIN, JSON, ""), 409, "TASK_FINISHED");
  }

  @Test
  void runningTaskStopsWhenCancelledEvenMidModelCall() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"slow\",\"delayMs\":30000}]"), "[]");
    var id = submit(agent, "{\"input\":\"take your time\"}").json().getString("taskId");
    awaitEvent(id, "model.request");

    long start = System.nanoTime();
    var response = api.post("/api/v1/tasks/" + id + "/cancel", ADMIN, JSON, "");
    assertEquals(200, response.status(), response.body());
    var task = awaitStatus(id, "cancelled");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "aborted in flight");
    assertEquals("cancelled", task.getString("stopReason"));
  }

  @Test
  void askUserWaitsForAnAnswer() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"ask_user\",\"arguments\":{\"question\":\"Which file?\"}}]},"
            + "{\"text\":\"Thanks\"}]";
    var agent = agent(scriptedProvider(turns), "[\"ask_user\"]");
    var id = submit(agent, "{\"input\":\"tidy up\"}").json().getString("taskId");

    var waiting = awaitStatus(id, "waiting");
    assertEquals("Which file?", waiting.getString("question"));
    var answered =
        api.post("/api/v1/tasks/" + id + "/respond", ADMIN, JSON, "{\"message\":\"notes.md\"}");
    assertEquals(200, answered.status(), answered.body());

    var done = awaitStatus(id, "completed");
    assertEquals("Thanks", done.getString("output"));
    var context = api.get("/api/v1/tasks/" + id + "/context", ADMIN).body();
    assertTrue(context.contains("notes.md"), context);
    assertProblem(
        api.post("/api/v1/tasks/" + id + "/respond", ADMIN, JSON, "{\"message\":\"x\"}"),
        400,
        "TASK_NOT_WAITING");
  }

  @Test
  void activeTasksAreDeletedOnlyByForce() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var id =
        submit(agent, "{\"input\":\"later\",\"delaySeconds\":3600}").json().getString("taskId");
    assertProblem(api.delete("/api/v1/tasks/" + id, ADMIN), 409, "TASK_ACTIVE");
    assertEquals(204, api.delete("/api/v1/tasks/" + id + "?force=true", ADMIN).status());
    assertProblem(api.get("/api/v1/tasks/" + id, ADMIN), 404, "TASK_NOT_FOUND");
  }

  @Test
  void listsFilterAndPageWithCursors() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var tag = "tag-" + AgentsIT.shortId();
    var ids = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      var body = "{\"input\":\"n" + i + "\",\"tags\":[\"" + tag + "\"],\"delaySeconds\":3600}";
      ids.add(submit(agent, body).json().getString("taskId"));
    }
    var first = api.get("/api/v1/tasks?tag=" + tag + "&limit=2", ADMIN).json();
    assertEquals(2, first.getJsonArray("items").size());
    var cursor = first.getString("nextCursor");
    var second = api.get("/api/v1/tasks?tag=" + tag + "&limit=2&cursor=" + cursor, ADMIN).json();
    assertEquals(1, second.getJsonArray("items").size());
    assertFalse(second.containsKey("nextCursor"));
    var seen = new ArrayList<String>();
    first.getJsonArray("items").forEach(t -> seen.add(t.asJsonObject().getString("taskId")));
    second.getJsonArray("items").forEach(t -> seen.add(t.asJsonObject().getString("taskId")));
    assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), seen);
    var queued = api.get("/api/v1/tasks?agent=" + agent + "&status=queued", ADMIN).json();
    assertEquals(3, queued.getJsonArray("items").size());
    assertProblem(api.get("/api/v1/tasks?status=bored", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void streamReplaysFromLastEventIdWithoutGapsOrDuplicates() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"delayMs\":300},"
            + "{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"delayMs\":300},"
            + "{\"text\":\"done\",\"delayMs\":300}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");
    var id = submit(agent, "{\"input\":\"stream me\"}").json().getString("taskId");

    var firstPart = readStream(id, null, 4);
    var resumed = readStream(id, firstPart.get(firstPart.size() - 1), Integer.MAX_VALUE);

    var streamed = new ArrayList<>(firstPart);
    streamed.addAll(resumed);
    awaitStatus(id, "completed");
    var stored =
        events(id, 0).stream().map(e -> e.asJsonObject().getJsonNumber("id").longValue()).toList();
    assertEquals(stored, streamed);
    assertProblem(api.get("/api/v1/tasks/" + id + "/stream", ADMIN), 406, "NOT_ACCEPTABLE");
  }

  /** Reads event ids from the task's stream, resuming after {@code lastEventId}, up to max. */
  private static List<Long> readStream(String id, Long lastEventId, int max) throws Exception {
    var request =
        api.request("/api/v1/tasks/" + id + "/stream", ADMIN).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId.toString());
    }
    var response =
        HttpClient.newHttpClient()
            .send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    var ids = new ArrayList<Long>();
    try (var reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (var line = reader.readLine();
          line != null && ids.size() < max;
          line = reader.readLine()) {
        if (line.startsWith("id:")) {
          ids.add(Long.parseLong(line.substring(3).trim()));
        }
      }
    }
    return ids;
  }

  static Api.Reply submit(String agent, String body) throws Exception {
    return SharedServer.api().post("/api/v1/agents/" + agent + "/tasks", ADMIN, JSON, body);
  }

  private static Api.Reply submitWithKey(String agent, String key, String body) throws Exception {
    var request =
        api.request("/api/v1/agents/" + agent + "/tasks", ADMIN)
            .header("Content-Type", JSON)
            .header("Idempotency-Key", key)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    return api.send(request);
  }

  static JsonArray events(String id, long after) throws Exception {
    return (JsonArray)
        SharedServer.api()
            .get("/api/v1/tasks/" + id + "/events?after=" + after + "&limit=200", ADMIN)
            .structure();
  }

  static JsonObject awaitStatus(String id, String status) throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    JsonObject task = null;
    while (Instant.now().isBefore(deadline)) {
      task = SharedServer.api().get("/api/v1/tasks/" + id, ADMIN).json();
      if (status.equals(task.getString("status"))) {
        return task;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task never became " + status + ": " + task);
  }

  private static void awaitEvent(String id, String type) throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      var found =
          events(id, 0).stream().anyMatch(e -> type.equals(e.asJsonObject().getString("type")));
      if (found) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + type + " event for task " + id);
  }
}
