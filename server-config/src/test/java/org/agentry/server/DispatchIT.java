package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dispatch on the embedded defaults: with one consumer, priority order after a paused dispatch
 * resumes; with eight, crash recovery — 200 tasks against a slow OpenAI-compatible stub, {@code
 * kill -9} in the middle, a restart, and every task ends once, none completed twice, and no more
 * model calls than tasks plus the calls in flight at the kill.
 */
class DispatchIT {

  private static final String JSON = "application/json";
  private static final Pattern MARKER = Pattern.compile("task-marker-(\\d+)");

  private static WireMockServer stub;
  private static ServerProcess server;
  private static Api api;
  private static String admin;
  private static int concurrency;

  @BeforeAll
  static void start() throws Exception {
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    stub.stubFor(
        WireMock.post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withFixedDelay(80)
                    .withBody(reply())));
    useServer(1);
  }

  /** Makes sure the server runs with this many consumers, restarting it on the same data if not. */
  private static void useServer(int consumers) throws Exception {
    if (server != null && concurrency == consumers) {
      return;
    }
    if (server != null) {
      server.stop();
    }
    concurrency = consumers;
    server = newServer().start();
    admin = Files.readString(server.dataDir.resolve("admin-token")).trim();
    api = new Api(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    stub.stop();
  }

  private static ServerProcess newServer() throws Exception {
    var env =
        Map.of(
            "AGENTRY_DISPATCH_CONCURRENCY", Integer.toString(concurrency),
            "AGENTRY_DISPATCH_LEASE_SECONDS", "10",
            "AGENTRY_BUDGET_RESERVATION_SECONDS", "5",
            "AGENTRY_AGENTS_DIR", "none");
    var dir = server == null ? ServerProcess.workDirectory("dispatch-it") : server.dataDir;
    return new ServerProcess(dir, env);
  }

  @Test
  void resumedDispatchRunsHighestPriorityFirst() throws Exception {
    useServer(1);
    var agent = stubAgent();
    post("/api/v1/dispatch/pause", "");
    var submitted = new ArrayList<String>();
    for (int i = 0; i < 50; i++) {
      var body = "{\"input\":\"priority test " + i + "\",\"priority\":" + ((i * 7) % 10) + "}";
      submitted.add(post("/api/v1/agents/" + agent + "/tasks", body).json().getString("taskId"));
    }
    Thread.sleep(1000);
    var state = api.get("/api/v1/dispatch", admin).json();
    assertTrue(state.getBoolean("paused"));
    assertEquals(5, state.getJsonObject("queueDepth").getInt("9"), state.toString());

    post("/api/v1/dispatch/resume", "");
    var tasks = awaitAllFinished(submitted);

    tasks.sort(Comparator.comparing(t -> Instant.parse(t.getString("startedAt"))));
    var priorities = tasks.stream().map(t -> t.getInt("priority")).toList();
    var sorted = new ArrayList<>(priorities);
    sorted.sort(Comparator.reverseOrder());
    assertEquals(sorted, priorities, "start order follows priority");
  }

  @Test
  void everyTaskEndsOnceAfterAKillAndRestart() throws Exception {
    useServer(8);
    var agent = stubAgent();
    var budget =
        api.request("/api/v1/agents/" + agent + "/budget", admin)
            .header("Content-Type", JSON)
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"dailyTokens\":100000000}"));
    assertEquals(200, api.send(budget).status());
    var ids = new ArrayList<String>();
    for (int i = 0; i < 200; i++) {
      var body = "{\"input\":\"task-marker-" + i + "\"}";
      ids.add(post("/api/v1/agents/" + agent + "/tasks", body).json().getString("taskId"));
    }
    Thread.sleep(2000);
    server.kill();
    server = newServer().start();
    api = new Api(server.base());

    var tasks = awaitAllFinished(ids);

    var calls = callsPerMarker();
    int total = calls.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total <= ids.size() + concurrency, "model calls " + total + " for 200 tasks");
    for (int i = 0; i < tasks.size(); i++) {
      var task = tasks.get(i);
      assertEquals("completed", task.getString("status"), task.toString());
      int made = calls.getOrDefault(i, 0);
      assertTrue(made >= 1 && made <= task.getInt("attempts"), "calls " + made + ": " + task);
      var completions =
          ((JsonArray)
                  api.get("/api/v1/tasks/" + ids.get(i) + "/events?limit=200", admin).structure())
              .stream()
                  .filter(
                      e ->
                          e.asJsonObject()
                              .getJsonObject("data")
                              .getString("status", "")
                              .equals("completed"))
                  .count();
      assertEquals(1, completions, "completed once: " + task);
    }
    // the reservations of the calls in flight at the kill go back (after 5 s here); what stays
    // used is exactly what the usage records say
    var deadline = Instant.now().plusSeconds(60);
    var day = budgetOfToday(agent);
    while (day.getJsonNumber("reservedTokens").longValue() != 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      day = budgetOfToday(agent);
    }
    assertEquals(0, day.getJsonNumber("reservedTokens").longValue(), day.toString());
    var usage = api.get("/api/v1/usage/agents/" + agent, admin).json().getJsonObject("totals");
    assertEquals(
        usage.getJsonNumber("totalTokens").longValue(),
        day.getJsonNumber("usedTokens").longValue());
  }

  private static JsonObject budgetOfToday(String agent) throws Exception {
    return ((JsonArray) api.get("/api/v1/usage/budgets", admin).structure())
        .stream()
            .map(b -> b.asJsonObject())
            .filter(b -> b.getString("scope").startsWith("agent:" + agent + ":day:"))
            .findFirst()
            .orElseThrow();
  }

  private static Map<Integer, Integer> callsPerMarker() {
    var counts = new HashMap<Integer, Integer>();
    for (var event : stub.getAllServeEvents()) {
      var matcher = MARKER.matcher(event.getRequest().getBodyAsString());
      if (matcher.find()) {
        counts.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static List<JsonObject> awaitAllFinished(List<String> ids) throws Exception {
    var deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      var tasks = new ArrayList<JsonObject>();
      for (var id : ids) {
        tasks.add(api.get("/api/v1/tasks/" + id, admin).json());
      }
      if (tasks.stream()
          .allMatch(
              t -> List.of("completed", "failed", "cancelled").contains(t.getString("status")))) {
        return tasks;
      }
      Thread.sleep(1000);
    }
    // the server's threads then: once the queue consumer stopped taking messages after 13 tasks
    // while the sweeper's stall fallback went on running one task per sweep (see README, Tests)
    throw new AssertionError(
        "tasks did not finish in time; threads in "
            + server.threadDump()
            + "\n"
            + server.logTail());
  }

  private static String stubAgent() throws Exception {
    var name = "stub-" + AgentsIT.shortId();
    var provider =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"openai\",\"baseUrl\":\""
            + stub.baseUrl()
            + "/v1\",\"apiKey\":\"k\",\"maxRetries\":0}";
    assertEquals(201, post("/api/v1/providers", provider).status());
    var agent =
        "{\"name\":\""
            + name
            + "\",\"systemPrompt\":\"Answer.\",\"provider\":\""
            + name
            + "\",\"model\":\"stub\"}";
    assertEquals(201, post("/api/v1/agents", agent).status());
    return name;
  }

  private static Api.Reply post(String path, String body) throws Exception {
    return api.post(path, admin, JSON, body);
  }

  private static String reply() {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
        + "\"total_tokens\":6}}";
  }
}
