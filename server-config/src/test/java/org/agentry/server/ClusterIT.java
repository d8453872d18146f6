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
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Payara Micro nodes in one cluster on one PostgreSQL database and one external ActiveMQ broker
 * (in this JVM, on loopback): 1,000 tasks against a slow stub run on both; one node is killed
 * ({@code kill -9}) mid-run and started again later; no task is lost or completed twice, the
 * survivor takes the dead node's tasks over once their leases expire, and a 2 s schedule fires each
 * slot exactly once throughout. Prints the figures the README quotes. It runs with {@code bin/test
 * --full} (system property {@code agentry.tests.full=true}), as CI does.
 */
@EnabledIfSystemProperty(named = "agentry.tests.full", matches = "true")
class ClusterIT {

  private static final String JSON = "application/json";
  private static final String ADMIN = "cluster-admin-" + AgentsIT.shortId();
  private static final String SECRET_KEY = OrganismIT.randomKey();
  private static final int TASKS = 1000;
  private static final int CONSUMERS = 8;
  private static final int LEASE_SECONDS = 6;
  private static final Pattern MARKER = Pattern.compile("cluster-marker-(\\d+)\\b");

  private static BrokerService broker;
  private static WireMockServer stub;
  private static String dbUrl;
  private static Map<String, String> env;
  private static ServerProcess nodeA;
  private static ServerProcess nodeB;

  @BeforeAll
  static void start() throws Exception {
    dbUrl = freshDatabase("agentry_cluster");
    broker = broker();
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    stub.stubFor(
        WireMock.post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withFixedDelay(100)
                    .withBody(reply())));
    var cluster = "agentry-cluster-it-" + AgentsIT.shortId();
    env =
        Map.ofEntries(
            Map.entry("AGENTRY_DB_URL", dbUrl),
            Map.entry("AGENTRY_DB_USER", System.getProperty("agentry.it.db.user", "postgres")),
            Map.entry("AGENTRY_DB_PASSWORD", System.getProperty("agentry.it.db.password", "")),
            Map.entry(
                "AGENTRY_BROKER_URL",
                broker.getTransportConnectors().get(0).getPublishableConnectString()),
            Map.entry("AGENTRY_CLUSTER_NAME", cluster),
            Map.entry(
                "AGENTRY_CLUSTER_MODE",
                "tcpip:127.0.0.1:6900,127.0.0.1:6901,127.0.0.1:6902,127.0.0.1:6903"),
            Map.entry("AGENTRY_DISPATCH_CONCURRENCY", Integer.toString(CONSUMERS)),
            Map.entry("AGENTRY_DISPATCH_LEASE_SECONDS", Integer.toString(LEASE_SECONDS)),
            Map.entry("AGENTRY_ADMIN_TOKEN", ADMIN),
            Map.entry("AGENTRY_SECRET_KEY", SECRET_KEY),
            Map.entry("AGENTRY_AGENTS_DIR", "none"));
    nodeA = new ServerProcess(ServerProcess.workDirectory("cluster-a"), env).start();
    nodeB = new ServerProcess(ServerProcess.workDirectory("cluster-b"), env).start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (var node : new ServerProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
    if (stub != null) {
      stub.stop();
    }
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void twoNodesShareTheWorkAndSurviveTheCrashOfOne() throws Exception {
    var a = new Api(nodeA.base());
    var b = new Api(nodeB.base());
    var agent = stubAgent(a);
    var schedule = schedule(b, agent);

    // submitted while dispatch is paused (cluster-wide), half to each node, then released at once
    assertEquals(200, a.post("/api/v1/dispatch/pause", ADMIN, JSON, "").status());
    var ids = submitAll(List.of(a, b), agent);
    int before = completed(b); // nothing completes while dispatch is paused
    var resuming = Instant.now();
    assertEquals(200, b.post("/api/v1/dispatch/resume", ADMIN, JSON, "").status());
    var resumedAt = Instant.now();

    // sampled between the polls of the completed count: running tasks per node
    var nodesSeen = new TreeSet<String>();
    var deadline = Instant.now().plusSeconds(180);
    while (completed(b) - before < TASKS * 3 / 10) {
      assertTrue(Instant.now().isBefore(deadline), "30 % of the tasks never completed");
      nodesSeen.addAll(running(b).keySet());
      Thread.sleep(50);
    }
    assertEquals(2, nodesSeen.size(), "tasks ran on both nodes: " + nodesSeen);
    int doneAtKill = completed(b) - before;
    var killedAt = Instant.now();
    nodeA.kill();
    var twoNodeRate = doneAtKill / seconds(resumedAt, killedAt);

    Thread.sleep(Duration.ofSeconds(LEASE_SECONDS + 10).toMillis());
    int doneAlone = completed(b) - before - doneAtKill;
    var restartAt = Instant.now();
    var oneNodeRate = doneAlone / seconds(killedAt, restartAt);
    nodeA = new ServerProcess(nodeA.dataDir, env).start();
    var outageEnd = Instant.now().plusSeconds(10);

    var tasks = awaitAllFinished(b, ids);
    var calls = callsPerMarker();
    int total = calls.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(
        total <= TASKS + 2 * CONSUMERS,
        "model calls " + total + " for " + TASKS + " tasks, at most " + 2 * CONSUMERS + " lost");
    var takeovers = new ArrayList<Double>();
    for (int i = 0; i < tasks.size(); i++) {
      var task = tasks.get(i);
      assertEquals("completed", task.getString("status"), task.toString());
      int made = calls.getOrDefault(i, 0);
      assertTrue(made >= 1 && made <= task.getInt("attempts"), "calls " + made + ": " + task);
      assertEquals(1, completions(b, ids.get(i)), "completed once: " + task);
      if (task.getInt("attempts") > 1) {
        takeovers.add(seconds(killedAt, Instant.parse(task.getString("startedAt"))));
      }
    }
    assertTrue(takeovers.size() <= CONSUMERS, "re-run tasks: " + takeovers.size());

    var slots = scheduleSlots(b, schedule, killedAt, outageEnd);
    System.out.printf(
        "CLUSTER tasks=%d nodes=2 consumers=%d lease=%ds model-delay=100ms%n"
            + "  resume (sends the %d queued tasks): %d ms%n"
            + "  two nodes: %.1f tasks/s until the kill (%d done)%n"
            + "  one node: %.1f tasks/s from the kill to the restart%n"
            + "  takeover: %d tasks of the dead node run again, %.1f–%.1f s after the kill%n"
            + "  schedule: %d slots of 2 s fired, none twice, none missing%n",
        TASKS,
        CONSUMERS,
        LEASE_SECONDS,
        TASKS,
        Duration.between(resuming, resumedAt).toMillis(),
        twoNodeRate,
        doneAtKill,
        oneNodeRate,
        takeovers.size(),
        takeovers.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        takeovers.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        slots);
  }

  /**
   * Fired slots of the schedule, checked: none fired twice; every 2 s slot between the first and
   * the last fired is fired, or recorded as missed within the outage window.
   */
  private static int scheduleSlots(Api api, String id, Instant outageStart, Instant outageEnd)
      throws Exception {
    assertEquals(200, api.post("/api/v1/schedules/" + id + "/pause", ADMIN, JSON, "").status());
    var runs = new ArrayList<jakarta.json.JsonValue>();
    for (int offset = 0; ; offset += 200) {
      var reply = api.get("/api/v1/schedules/" + id + "/runs?limit=200&offset=" + offset, ADMIN);
      assertEquals(200, reply.status(), reply.body());
      var page = reply.structure().asJsonArray();
      runs.addAll(page);
      if (page.size() < 200) {
        break;
      }
    }
    var fired = new ArrayList<Instant>();
    var missed = new TreeSet<Instant>();
    for (var value : runs) {
      var run = value.asJsonObject();
      var slot = Instant.parse(run.getString("slot"));
      if (run.getString("outcome").equals("fired")) {
        fired.add(slot);
      } else {
        for (int k = 0; k < run.getJsonNumber("slotCount").intValue(); k++) {
          missed.add(slot.plusSeconds(2L * k));
        }
      }
    }
    var distinct = new TreeSet<>(fired);
    assertEquals(fired.size(), distinct.size(), "a slot fired twice: " + fired);
    assertTrue(distinct.size() >= 5, "slots fired: " + distinct);
    for (var slot = distinct.first(); !slot.isAfter(distinct.last()); slot = slot.plusSeconds(2)) {
      if (distinct.contains(slot)) {
        continue;
      }
      assertTrue(missed.contains(slot), "slot " + slot + " neither fired nor recorded");
      assertTrue(
          !slot.isBefore(outageStart.minusSeconds(2)) && slot.isBefore(outageEnd),
          "slot " + slot + " missed outside the outage " + outageStart + "–" + outageEnd);
    }
    return distinct.size();
  }

  private static String schedule(Api api, String agent) throws Exception {
    var body =
        "{\"name\":\"cluster-beat\",\"agent\":\""
            + agent
            + "\",\"task\":{\"input\":\"beat\",\"priority\":9},\"intervalSeconds\":2,"
            + "\"overlap\":\"allow\"}";
    var reply = api.post("/api/v1/schedules", ADMIN, JSON, body);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  /** Submits the tasks from 8 threads, each to the nodes in turn; returns their ids in order. */
  private static List<String> submitAll(List<Api> nodes, String agent) throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      var futures = new ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < TASKS; i++) {
        var api = nodes.get(i % nodes.size());
        var body = "{\"input\":\"cluster-marker-" + i + "\",\"priority\":" + (i % 5) + "}";
        futures.add(
            pool.submit(
                () -> {
                  var reply = api.post("/api/v1/agents/" + agent + "/tasks", ADMIN, JSON, body);
                  assertEquals(202, reply.status(), reply.body());
                  return reply.json().getString("taskId");
                }));
      }
      var ids = new ArrayList<String>();
      for (var future : futures) {
        ids.add(future.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int completed(Api api) throws Exception {
    var counts = api.get("/api/v1/organism", ADMIN).json().getJsonObject("counts");
    return counts.getJsonObject("tasks").getInt("completed", 0);
  }

  private static Map<String, Long> running(Api api) throws Exception {
    var map = new HashMap<String, Long>();
    var reply = api.get("/api/v1/dispatch", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    reply
        .json()
        .getJsonObject("running")
        .forEach((node, n) -> map.put(node, ((jakarta.json.JsonNumber) n).longValue()));
    return map;
  }

  private static long completions(Api api, String id) throws Exception {
    return ((JsonArray) api.get("/api/v1/tasks/" + id + "/events?limit=200", ADMIN).structure())
        .stream()
            .filter(
                e ->
                    e.asJsonObject()
                        .getJsonObject("data")
                        .getString("status", "")
                        .equals("completed"))
            .count();
  }

  private static List<JsonObject> awaitAllFinished(Api api, List<String> ids) throws Exception {
    var deadline = Instant.now().plusSeconds(300);
    var finished = new ConcurrentHashMap<String, JsonObject>();
    while (Instant.now().isBefore(deadline)) {
      for (var id : ids) {
        if (!finished.containsKey(id)) {
          var task = api.get("/api/v1/tasks/" + id, ADMIN).json();
          if (List.of("completed", "failed", "cancelled").contains(task.getString("status"))) {
            finished.put(id, task);
          }
        }
      }
      if (finished.size() == ids.size()) {
        return ids.stream().map(finished::get).toList();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        (ids.size() - finished.size()) + " tasks did not finish\n" + nodeB.logTail());
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

  private static String stubAgent(Api api) throws Exception {
    var name = "cluster-" + AgentsIT.shortId();
    var provider =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"openai\",\"baseUrl\":\""
            + stub.baseUrl()
            + "/v1\",\"apiKey\":\"k\",\"maxRetries\":0}";
    assertEquals(201, api.post("/api/v1/providers", ADMIN, JSON, provider).status());
    var agent =
        "{\"name\":\""
            + name
            + "\",\"systemPrompt\":\"Answer.\",\"provider\":\""
            + name
            + "\",\"model\":\"stub\"}";
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, agent).status());
    return name;
  }

  private static BrokerService broker() throws Exception {
    var service = new BrokerService();
    service.setBrokerName("cluster-it");
    service.setUseJmx(false);
    service.setPersistent(true);
    service.setDataDirectoryFile(ServerProcess.workDirectory("cluster-broker").toFile());
    var policy = new PolicyEntry();
    policy.setQueue(">");
    policy.setPrioritizedMessages(true);
    var policies = new PolicyMap();
    policies.setDefaultEntry(policy);
    service.setDestinationPolicy(policies);
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    service.addConnector("tcp://127.0.0.1:" + port);
    service.start();
    service.waitUntilStarted();
    return service;
  }

  /** Drops and creates a database beside the one the tests were given; returns its URL. */
  private static String freshDatabase(String name) throws Exception {
    var given = System.getProperty("agentry.it.db.url");
    var server = given.substring(0, given.lastIndexOf('/') + 1);
    try (var connection =
            DriverManager.getConnection(
                server + "postgres",
                System.getProperty("agentry.it.db.user", "postgres"),
                System.getProperty("agentry.it.db.password", ""));
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    return server + name;
  }

  private static double seconds(Instant from, Instant to) {
    return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
  }

  private static String reply() {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
        + "\"total_tokens\":6}}";
  }
}
