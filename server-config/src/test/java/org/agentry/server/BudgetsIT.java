package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.chatReply;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hard budgets over HTTP on the shared server: a task stops before the model call that would pass
 * its token budget, an agent whose daily budget is used up gets no new chats or tasks (429), a
 * budget set late counts the day's earlier usage, and first reservations at once all go through.
 */
class BudgetsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
  }

  @Test
  void taskStopsBeforeTheCallThatWouldPassItsBudget() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"promptTokens\":100,"
            + "\"completionTokens\":20},{\"text\":\"never\",\"promptTokens\":100,\"completionTokens\":20}]";
    var name = "b-" + shortId();
    var body =
        agentJson(name, scriptedProvider(turns), "[\"current_time\"]", ",\"maxOutputTokens\":1000");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());

    // the first call's worst case (prompt estimate + 1000) fits 1100; the second's (120 used +
    // ~1000) does not
    var accepted = TasksIT.submit(name, "{\"input\":\"go\",\"tokenBudget\":1100}");
    var task = TasksIT.awaitStatus(accepted.json().getString("taskId"), "failed");

    assertEquals("budget_exceeded", task.getString("stopReason"));
    assertEquals(1, task.getJsonObject("usage").getInt("iterations"));
    assertEquals(
        120,
        task.getJsonObject("usage").getInt("promptTokens")
            + task.getJsonObject("usage").getInt("completionTokens"));
  }

  @Test
  void exhaustedAgentBudgetRefusesNewWork() throws Exception {
    var turns = "[{\"text\":\"spent\",\"promptTokens\":80,\"completionTokens\":40}]";
    var name = "b-" + shortId();
    var body = agentJson(name, scriptedProvider(turns), "[]", ",\"maxOutputTokens\":10");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());
    var limits = "{\"dailyTokens\":100,\"monthlyUsd\":50}";
    var put =
        api.send(
            api.request("/api/v1/agents/" + name + "/budget", ADMIN)
                .header("Content-Type", JSON)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(limits)));
    assertEquals(200, put.status(), put.body());
    assertEquals(
        100, api.get("/api/v1/agents/" + name + "/budget", ADMIN).json().getInt("dailyTokens"));

    assertEquals("spent", chat(name, "spend it", null).getString("reply"));

    var refused = chatReply(name, "more", null);
    assertProblem(refused, 429, "BUDGET_EXHAUSTED");
    assertTrue(refused.raw().headers().firstValue("Retry-After").isEmpty());
    assertProblem(TasksIT.submit(name, "{\"input\":\"more\"}"), 429, "BUDGET_EXHAUSTED");

    var budgets = (JsonArray) api.get("/api/v1/usage/budgets", ADMIN).structure();
    var mine = day(name);
    assertEquals(120, mine.getInt("usedTokens"));
    assertEquals(0, mine.getInt("reservedTokens"));
    assertEquals(0, mine.getInt("remainingTokens"));
    assertEquals(120.0, mine.getJsonNumber("percent").doubleValue());
    assertTrue(
        budgets.getJsonObject(0).getJsonNumber("percent").doubleValue() >= 120.0, "hottest first");
  }

  @Test
  void budgetSetAfterTheDaysUsageCountsThatUsage() throws Exception {
    var turns = "[{\"text\":\"spent\",\"promptTokens\":80,\"completionTokens\":40}]";
    var name = "b-" + shortId();
    var body = agentJson(name, scriptedProvider(turns), "[]", ",\"maxOutputTokens\":10");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());
    assertEquals("spent", chat(name, "spend before any budget", null).getString("reply"));

    assertEquals(200, putBudget(name, "{\"dailyTokens\":100}").status());

    assertProblem(TasksIT.submit(name, "{\"input\":\"more\"}"), 429, "BUDGET_EXHAUSTED");
    assertProblem(chatReply(name, "more", null), 429, "BUDGET_EXHAUSTED");
    assertEquals(120, day(name).getInt("usedTokens"));
  }

  /** The agent's budget of today, as {@code GET /api/v1/usage/budgets} lists it. */
  private static JsonObject day(String agent) throws Exception {
    var budgets = (JsonArray) api.get("/api/v1/usage/budgets", ADMIN).structure();
    return budgets.stream()
        .map(b -> b.asJsonObject())
        .filter(b -> b.getString("scope").startsWith("agent:" + agent + ":day:"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void firstReservationsOfADayAtOnceAllGoThrough() throws Exception {
    var turns = "[{\"text\":\"ok\",\"promptTokens\":1,\"completionTokens\":1}]";
    var name = "b-" + shortId();
    var body = agentJson(name, scriptedProvider(turns), "[]", ",\"maxOutputTokens\":10");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());
    assertEquals(200, putBudget(name, "{\"dailyTokens\":1000000}").status());

    var pool = Executors.newFixedThreadPool(8);
    try {
      var start = new CountDownLatch(1);
      var chats = new ArrayList<Future<Api.Reply>>();
      for (int i = 0; i < 8; i++) {
        chats.add(
            pool.submit(
                () -> {
                  start.await();
                  return chatReply(name, "at once", null);
                }));
      }
      start.countDown();
      for (var reply : chats) {
        var answer = reply.get(60, TimeUnit.SECONDS);
        assertEquals(200, answer.status(), answer.body());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Api.Reply putBudget(String agent, String limits) throws Exception {
    return api.send(
        api.request("/api/v1/agents/" + agent + "/budget", ADMIN)
            .header("Content-Type", JSON)
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(limits)));
  }
}
