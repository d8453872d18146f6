package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.ServerIT.assertProblem;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Threads, messages and inject (xml-pipeline's names over sessions), black-box: inject starts a
 * thread and a task that completes, and continues a thread; peers refuse a message; unknown
 * targets, threads and bad payloads are problems that change nothing; threads page with totals;
 * kill cancels a waiting task and refuses further messages; messages across threads; usage per
 * thread.
 */
class ThreadsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final String TWO_REPLIES =
      "[{\"text\":\"first\",\"promptTokens\":10,\"completionTokens\":5},"
          + "{\"text\":\"second\",\"promptTokens\":20,\"completionTokens\":6}]";

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void injectStartsAThreadAndContinuesIt() throws Exception {
    var agent = agent(scriptedProvider(TWO_REPLIES), "[]");
    var first = inject("{\"to\":\"" + agent + "\",\"payload\":\"hello\"}");
    assertEquals(202, first.status(), first.body());
    var accepted = first.json();
    var thread = accepted.getString("threadId");
    assertTrue(
        first.raw().headers().firstValue("Location").orElse("").endsWith("/threads/" + thread));
    assertEquals(
        "completed", awaitStatus(accepted.getString("taskId"), "completed").getString("status"));

    var messages = messages(thread);
    assertEquals(2, messages.size(), messages.toString());
    assertEquals(
        accepted.getJsonNumber("messageId").longValue(),
        messages.get(0).getJsonNumber("id").longValue());
    assertEquals("user", messages.get(0).getString("role"));
    assertEquals("hello", messages.get(0).getString("content"));
    assertEquals("first", messages.get(1).getString("content"));

    var again =
        inject(
            "{\"to\":\"" + agent + "\",\"threadId\":\"" + thread + "\",\"payload\":{\"step\":2}}");
    assertEquals(202, again.status(), again.body());
    assertEquals(thread, again.json().getString("threadId"));
    awaitStatus(again.json().getString("taskId"), "completed");
    messages = messages(thread);
    assertEquals(4, messages.size(), messages.toString());
    assertEquals("{\"step\":2}", messages.get(2).getString("content"));
    assertEquals("second", messages.get(3).getString("content"));

    var detail = api.get("/api/v1/threads/" + thread, ADMIN).json();
    assertEquals("active", detail.getString("status"));
    assertEquals(agent, detail.getString("agent"));
    assertEquals(4, detail.getInt("messageCount"));
    assertEquals(2, detail.getInt("turns"));
    assertEquals(List.of(agent), strings(detail, "participants"));
    assertEquals(2, detail.getJsonObject("usage").getInt("calls"));
    assertEquals(30, detail.getJsonObject("usage").getInt("promptTokens"));
    assertFalse(detail.containsKey("budget"), "no session budget is configured on this server");
    // the same thread as a session
    var session = api.get("/api/v1/sessions/" + thread, ADMIN).json();
    assertEquals(2, session.getInt("turns"));
  }

  @Test
  void peersDecideWhomAnAgentMayAddress() throws Exception {
    var provider = scriptedProvider(TWO_REPLIES);
    var target = agent(provider, "[]");
    var other = agent(provider, "[]");
    var sender = "a-" + shortId();
    var created =
        api.post(
            "/api/v1/agents",
            ADMIN,
            JSON,
            agentJson(
                sender, provider, "[]", ",\"peers\":[\"" + target + "\",\"not-yet-an-agent\"]"));
    assertEquals(201, created.status(), created.body());
    assertEquals(List.of(target, "not-yet-an-agent"), strings(created.json(), "peers"));
    assertProblem(
        api.post(
            "/api/v1/agents",
            ADMIN,
            JSON,
            agentJson("a-" + shortId(), provider, "[]", ",\"peers\":[\"Not A Name\"]")),
        400,
        "VALIDATION_FAILED");

    assertProblem(inject(body(other, sender, null, "\"hi\"")), 403, "PEER_NOT_ALLOWED");
    assertProblem(inject(body(sender, other, null, "\"hi\"")), 403, "PEER_NOT_ALLOWED");
    assertProblem(inject(body(target, "no-such-sender", null, "\"hi\"")), 404, "AGENT_NOT_FOUND");
    assertEquals(0, threads("agent=" + other).getInt("total"), "a refused message left nothing");

    var sent = inject(body(target, sender, null, "\"please\""));
    assertEquals(202, sent.status(), sent.body());
    var thread = sent.json().getString("threadId");
    awaitStatus(sent.json().getString("taskId"), "completed");
    var detail = api.get("/api/v1/threads/" + thread, ADMIN).json();
    assertEquals(List.of(target, sender), strings(detail, "participants"));
    assertEquals(sender, messages(thread).get(0).getString("from"));
  }

  @Test
  void badInjectsAreProblemsThatChangeNothing() throws Exception {
    var agent = agent(scriptedProvider(TWO_REPLIES), "[]");
    var other = agent(scriptedProvider(TWO_REPLIES), "[]");
    assertProblem(inject(body("no-such-agent", null, null, "\"hi\"")), 404, "AGENT_NOT_FOUND");
    assertProblem(
        inject(body(agent, null, "00000000-0000-0000-0000-000000000000", "\"hi\"")),
        404,
        "SESSION_NOT_FOUND");
    for (var payload : List.of("5", "[\"x\"]", "true", "null", "\"  \"")) {
      assertProblem(inject(body(agent, null, null, payload)), 422, "INVALID_PAYLOAD");
    }
    assertProblem(inject("{\"to\":\"" + agent + "\"}"), 422, "INVALID_PAYLOAD");
    // over 100,000 characters is INVALID_PAYLOAD (InjectRequestTest); this server's body limit is
    // lower (64 KiB), so such a body is refused before
    assertProblem(
        inject(body(agent, null, null, "\"" + "x".repeat(SharedServer.BODY_LIMIT) + "\"")),
        413,
        "PAYLOAD_TOO_LARGE");
    assertProblem(inject("{\"payload\":\"hi\"}"), 400, "VALIDATION_FAILED");
    assertProblem(
        inject("{\"to\":\"" + agent + "\",\"payload\":\"x\",\"extra\":1}"), 400, "MALFORMED_JSON");
    assertEquals(200, api.post("/api/v1/agents/" + agent + "/pause", ADMIN, JSON, "").status());
    assertProblem(inject(body(agent, null, null, "\"hi\"")), 409, "AGENT_PAUSED");
    assertEquals(0, threads("agent=" + agent).getInt("total"), "a refused inject left no thread");
    assertEquals(200, api.post("/api/v1/agents/" + agent + "/resume", ADMIN, JSON, "").status());

    var sent = inject(body(other, null, null, "\"hi\""));
    assertEquals(202, sent.status(), sent.body());
    awaitStatus(sent.json().getString("taskId"), "completed");
    assertProblem(
        inject(body(agent, null, sent.json().getString("threadId"), "\"hi\"")),
        409,
        "SESSION_OF_OTHER_AGENT");
    assertEquals(0, threads("agent=" + agent).getInt("total"));
  }

  @Test
  void threadsPageWithTotals() throws Exception {
    var agent = agent(scriptedProvider(TWO_REPLIES), "[]");
    var ids = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      var sent = inject(body(agent, null, null, "\"n" + i + "\""));
      assertEquals(202, sent.status(), sent.body());
      ids.add(sent.json().getString("threadId"));
      awaitStatus(sent.json().getString("taskId"), "completed");
    }
    var page = threads("agent=" + agent + "&limit=2");
    assertEquals(3, page.getInt("total"));
    assertEquals(0, page.getInt("offset"));
    assertEquals(2, page.getInt("limit"));
    assertEquals(2, page.getJsonArray("items").size());
    assertEquals(ids.get(2), page.getJsonArray("items").getJsonObject(0).getString("id"));
    var rest = threads("agent=" + agent + "&limit=2&offset=2");
    assertEquals(1, rest.getJsonArray("items").size());
    assertEquals(ids.get(0), rest.getJsonArray("items").getJsonObject(0).getString("id"));

    assertEquals(
        200, api.post("/api/v1/threads/" + ids.get(1) + "/kill", ADMIN, JSON, "").status());
    assertEquals(1, threads("agent=" + agent + "&status=killed").getInt("total"));
    assertEquals(2, threads("agent=" + agent + "&status=active").getInt("total"));
    assertProblem(api.get("/api/v1/threads?status=closed", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/threads?limit=201", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void killCancelsAWaitingTaskAndRefusesMoreMessages() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"ask_user\",\"arguments\":{\"question\":\"Which?\"}}]}]";
    var agent = agent(scriptedProvider(turns), "[\"ask_user\"]");
    var sent = inject(body(agent, null, null, "\"start\""));
    assertEquals(202, sent.status(), sent.body());
    var thread = sent.json().getString("threadId");
    var task = sent.json().getString("taskId");
    awaitStatus(task, "waiting");
    assertProblem(inject(body(agent, null, thread, "\"more\"")), 409, "THREAD_BUSY");

    var killed = api.post("/api/v1/threads/" + thread + "/kill", ADMIN, JSON, "");
    assertEquals(200, killed.status(), killed.body());
    assertEquals("killed", killed.json().getString("status"));
    assertEquals(List.of(task), strings(killed.json(), "cancelledTasks"));
    assertEquals("cancelled", api.get("/api/v1/tasks/" + task, ADMIN).json().getString("status"));
    assertProblem(inject(body(agent, null, thread, "\"more\"")), 409, "SESSION_KILLED");
    assertProblem(
        api.post("/api/v1/threads/" + thread + "/kill", ADMIN, JSON, ""), 409, "SESSION_KILLED");
    assertProblem(
        api.post("/api/v1/threads/no-such-thread/kill", ADMIN, JSON, ""), 404, "SESSION_NOT_FOUND");
    assertEquals("killed", api.get("/api/v1/threads/" + thread, ADMIN).json().getString("status"));
  }

  @Test
  void killCancelsAQueuedTaskAndStopsARunningOne() throws Exception {
    var agent = agent(scriptedProvider(TWO_REPLIES), "[]");
    var sent = inject(body(agent, null, null, "\"one\"")).json();
    var thread = sent.getString("threadId");
    awaitStatus(sent.getString("taskId"), "completed");
    var later =
        TasksIT.submit(
            agent, "{\"input\":\"later\",\"sessionId\":\"" + thread + "\",\"delaySeconds\":3600}");
    assertEquals(202, later.status(), later.body());
    var queued = later.json().getString("taskId");
    var killed = api.post("/api/v1/threads/" + thread + "/kill", ADMIN, JSON, "").json();
    assertEquals(List.of(queued), strings(killed, "cancelledTasks"));
    assertEquals("cancelled", api.get("/api/v1/tasks/" + queued, ADMIN).json().getString("status"));

    var slow = agent(scriptedProvider("[{\"text\":\"slow\",\"delayMs\":30000}]"), "[]");
    var running = inject(body(slow, null, null, "\"take your time\"")).json();
    awaitStatus(running.getString("taskId"), "running");
    long start = System.nanoTime();
    var stopped =
        api.post("/api/v1/threads/" + running.getString("threadId") + "/kill", ADMIN, JSON, "");
    assertEquals(200, stopped.status(), stopped.body());
    assertEquals(List.of(running.getString("taskId")), strings(stopped.json(), "cancelledTasks"));
    awaitStatus(running.getString("taskId"), "cancelled");
    assertTrue((System.nanoTime() - start) / 1_000_000_000 < 10, "aborted in flight");
  }

  @Test
  void messagesAcrossThreads() throws Exception {
    var provider = scriptedProvider(TWO_REPLIES);
    var target = agent(provider, "[]");
    var sender = "a-" + shortId();
    assertEquals(
        201,
        api.post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(sender, provider, "[]", ",\"peers\":[\"" + target + "\"]"))
            .status());
    var own = inject(body(sender, null, null, "\"own\"")).json();
    awaitStatus(own.getString("taskId"), "completed");
    var toTarget = inject(body(target, sender, null, "\"for you\"")).json();
    awaitStatus(toTarget.getString("taskId"), "completed");

    var mine = api.get("/api/v1/messages?agent=" + sender, ADMIN).json();
    assertEquals(3, mine.getInt("total"), mine.toString());
    var items = mine.getJsonArray("items");
    assertEquals("for you", items.getJsonObject(0).getString("content"));
    assertEquals(toTarget.getString("threadId"), items.getJsonObject(0).getString("sessionId"));
    assertEquals(sender, items.getJsonObject(0).getString("from"));
    for (int i = 1; i < items.size(); i++) {
      assertTrue(
          items.getJsonObject(i - 1).getJsonNumber("id").longValue()
              > items.getJsonObject(i).getJsonNumber("id").longValue(),
          "newest first");
    }
    var theirs = api.get("/api/v1/messages?agent=" + target + "&limit=1", ADMIN).json();
    assertEquals(2, theirs.getInt("total"));
    assertEquals(1, theirs.getJsonArray("items").size());
    assertEquals("first", theirs.getJsonArray("items").getJsonObject(0).getString("content"));
    assertProblem(api.get("/api/v1/messages?offset=-1", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void usagePerThreadHottestFirst() throws Exception {
    var hotTurns = "[{\"text\":\"big\",\"promptTokens\":400000,\"completionTokens\":1000}]";
    var coldTurns = "[{\"text\":\"small\",\"promptTokens\":3,\"completionTokens\":1}]";
    var hot = inject(body(agent(scriptedProvider(hotTurns), "[]"), null, null, "\"x\"")).json();
    var cold = inject(body(agent(scriptedProvider(coldTurns), "[]"), null, null, "\"x\"")).json();
    awaitStatus(hot.getString("taskId"), "completed");
    awaitStatus(cold.getString("taskId"), "completed");

    var one = api.get("/api/v1/usage/threads/" + hot.getString("threadId"), ADMIN).json();
    assertEquals(400_000, one.getJsonObject("totals").getInt("promptTokens"));
    assertEquals(1, one.getJsonObject("totals").getInt("requests"));

    var order = new ArrayList<String>();
    BigDecimal previous = null;
    long total = 0;
    for (int offset = 0;
        offset < 2000 && !order.contains(cold.getString("threadId"));
        offset += 200) {
      var page = api.get("/api/v1/usage/threads?limit=200&offset=" + offset, ADMIN).json();
      total = page.getJsonNumber("total").longValue();
      for (var item : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
        var cost = item.getJsonObject("totals").getJsonNumber("costUsd").bigDecimalValue();
        assertTrue(previous == null || previous.compareTo(cost) >= 0, "hottest first");
        previous = cost;
        order.add(item.getString("threadId"));
      }
      if (page.getJsonArray("items").isEmpty()) {
        break;
      }
    }
    assertTrue(total >= 2, "total " + total);
    int hotAt = order.indexOf(hot.getString("threadId"));
    int coldAt = order.indexOf(cold.getString("threadId"));
    assertTrue(hotAt >= 0 && coldAt > hotAt, "hot before cold: " + hotAt + ", " + coldAt);
    var first = api.get("/api/v1/usage/threads?limit=1", ADMIN).json();
    assertEquals(1, first.getJsonArray("items").size());
    assertFalse(first.getJsonArray("items").getJsonObject(0).getString("agent").isBlank());
  }

  private static String body(String to, String from, String threadId, String payload) {
    return "{\"to\":\""
        + to
        + "\""
        + (from == null ? "" : ",\"from\":\"" + from + "\"")
        + (threadId == null ? "" : ",\"threadId\":\"" + threadId + "\"")
        + ",\"payload\":"
        + payload
        + "}";
  }

  private static Api.Reply inject(String body) throws Exception {
    return api.post("/api/v1/inject", ADMIN, JSON, body);
  }

  private static JsonObject threads(String query) throws Exception {
    var reply = api.get("/api/v1/threads?" + query, ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static List<JsonObject> messages(String thread) throws Exception {
    var reply = api.get("/api/v1/threads/" + thread + "/messages", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return reply.structure().asJsonArray().getValuesAs(JsonObject.class);
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
