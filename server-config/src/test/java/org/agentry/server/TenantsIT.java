package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on the shared server: tenant A is {@code default} (the fixtures the admin token
 * made), tenant B one whose admin-role key the platform admin issued with {@code ?tenant=}. B calls
 * every tenant-scoped endpoint of the role matrix with A's ids and gets 404 (0 leaks); B's lists,
 * usage and event stream never carry A's ids; the same agent name works in both; the platform admin
 * sees B's with {@code ?tenant=}, and the usage of both with {@code groupBy=tenant}.
 */
class TenantsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  /** Route prefixes (after {@code v1/}) whose resources belong to a tenant. */
  private static final Set<String> SCOPED =
      Set.of(
          "agents",
          "providers",
          "schedules",
          "sessions",
          "threads",
          "tasks",
          "api-keys",
          "approvals",
          "goals",
          "workflows",
          "workflow-runs");

  /** Lists that must not show another tenant's rows. */
  private static final List<String> LISTS =
      List.of(
          "/api/v1/agents",
          "/api/v1/providers",
          "/api/v1/api-keys",
          "/api/v1/schedules",
          "/api/v1/sessions",
          "/api/v1/threads",
          "/api/v1/messages",
          "/api/v1/tasks",
          "/api/v1/usage",
          "/api/v1/usage/threads",
          "/api/v1/usage/export",
          "/api/v1/usage/budgets",
          "/api/v1/capabilities",
          "/api/v1/models",
          "/api/v1/approvals",
          "/api/v1/sensors/events",
          "/api/v1/audit",
          "/api/v1/audit/export",
          "/api/v1/goals",
          "/api/v1/workflows",
          "/api/v1/workflow-runs");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private static Api api;
  private static Fixtures a;
  private static String tenantB;
  private static String keyB;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
    a = Fixtures.create("tn");
    tenantB = "tn-b-" + UUID.randomUUID().toString().substring(0, 8);
    var issued =
        api.post(
            "/api/v1/api-keys?tenant=" + tenantB,
            ADMIN,
            JSON,
            "{\"name\":\"tn-b-admin\",\"role\":\"admin\"}");
    assertEquals(201, issued.status(), issued.body());
    keyB = issued.json().getString("token");
  }

  @Test
  void meSaysTheKeysTenant() throws Exception {
    var me = api.get("/api/v1/me", keyB).json();
    assertEquals(tenantB, me.getString("tenant"));
    assertEquals("default", api.get("/api/v1/me", ADMIN).json().getString("tenant"));
  }

  @Test
  void anotherTenantsIdsAnswer404OnEveryScopedEndpoint() throws Exception {
    var leaks = new ArrayList<String>();
    int probes = 0;
    for (var row : RoleMatrixIT.MATRIX) {
      var segments = row.route().split("/");
      if (!row.route().contains("{") || !SCOPED.contains(segments[1])) {
        continue;
      }
      var path = pathWithIdsOfA(row.route());
      var body = row.body() == null ? "{}" : fill(row.body());
      var request = api.request("/api/" + path, keyB).timeout(Duration.ofSeconds(30));
      row.headers().forEach(request::header);
      request.header("Content-Type", JSON);
      request.method(
          row.method(),
          row.method().equals("GET") || row.method().equals("DELETE")
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      var reply = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      probes++;
      if (reply.statusCode() != 404) {
        leaks.add(row.key() + " -> " + reply.statusCode() + " " + reply.body());
      }
    }
    System.out.println("TENANT MATRIX probes=" + probes + " leaks=" + leaks.size());
    assertTrue(probes > 30, "the matrix covers the scoped endpoints: " + probes);
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    // nothing of A changed: its agent, task and session are still there for A
    assertEquals(200, api.get("/api/v1/agents/" + a.ids().get("agent"), ADMIN).status());
    assertEquals(200, api.get("/api/v1/tasks/" + a.ids().get("task"), ADMIN).status());
    assertEquals(200, api.get("/api/v1/sessions/" + a.ids().get("session"), ADMIN).status());
  }

  @Test
  void listsUsageAndExportsNeverShowAnotherTenantsRows() throws Exception {
    var leaks = new ArrayList<String>();
    var secrets =
        List.of(
            a.ids().get("agent"),
            a.ids().get("provider"),
            a.ids().get("task"),
            a.ids().get("session"),
            a.ids().get("schedule"),
            a.ids().get("apiKey"),
            a.ids().get("approvals"),
            a.ids().get("goals"),
            a.ids().get("workflows"),
            a.ids().get("workflow-runs"),
            "tn-sensor");
    for (var list : LISTS) {
      var reply = api.get(list, keyB);
      assertEquals(200, reply.status(), list + " " + reply.body());
      for (var id : secrets) {
        if (reply.body().contains(id)) {
          leaks.add(list + " shows " + id);
        }
      }
    }
    for (var scoped :
        List.of(
            "/api/v1/usage/agents/" + a.ids().get("agent"),
            "/api/v1/usage/tasks/" + a.ids().get("task"),
            "/api/v1/usage/sessions/" + a.ids().get("session"))) {
      var ofB = api.get(scoped, keyB);
      var ofA = api.get(scoped, ADMIN);
      if (ofB.status() == 200) {
        assertEquals(0, ofB.json().getJsonObject("totals").getInt("requests"), scoped);
      } else {
        assertEquals(404, ofB.status(), scoped + " " + ofB.body());
      }
      assertTrue(ofA.json().getJsonObject("totals").getInt("requests") > 0, scoped);
    }
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    // the same lists for A do show A's rows: the check above could fail
    assertTrue(api.get("/api/v1/agents", ADMIN).body().contains(a.ids().get("agent")));
    assertTrue(api.get("/api/v1/tasks", ADMIN).body().contains(a.ids().get("task")));
  }

  @Test
  void sharedCataloguesChangeOnlyByAPlatformAdmin() throws Exception {
    var skill = a.ids().get("skills");
    var forbidden =
        List.of(
            api.delete("/api/v1/skills/" + skill, keyB),
            api.delete("/api/v1/mcp-servers/" + a.ids().get("mcp-servers"), keyB),
            api.post("/api/v1/skills/discover", keyB, JSON, ""),
            api.post("/api/v1/dispatch/pause", keyB, JSON, ""),
            api.post("/api/v1/agents/reload", keyB, JSON, ""));
    for (var reply : forbidden) {
      assertEquals(403, reply.status(), reply.body());
      assertTrue(reply.body().contains("\"code\":\"TENANT_FORBIDDEN\""), reply.body());
    }
    assertEquals(200, api.get("/api/v1/skills/" + skill, keyB).status());
    assertEquals(200, api.get("/api/v1/skills/" + skill, ADMIN).status());
  }

  @Test
  void theSameAgentNameWorksInBothTenantsAndThePlatformAdminSeesBoth() throws Exception {
    var provider = "tn-same-provider";
    var agent = "tn-same";
    for (var token : List.of(ADMIN, keyB)) {
      var reply =
          api.post(
              "/api/v1/providers",
              token,
              JSON,
              "{\"name\":\""
                  + provider
                  + "\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"from "
                  + (token.equals(ADMIN) ? "A" : "B")
                  + "\"}],"
                  + "\"prices\":{\"scripted\":{\"inputPerMillion\":1,\"outputPerMillion\":2}}}");
      assertEquals(201, reply.status(), reply.body());
    }
    var createdOfA =
        api.post(
            "/api/v1/agents",
            ADMIN,
            JSON,
            "{\"name\":\""
                + agent
                + "\",\"systemPrompt\":\"You help.\",\"provider\":\""
                + provider
                + "\",\"model\":\"scripted\"}");
    assertEquals(201, createdOfA.status(), createdOfA.body());
    var createdAgent =
        api.post(
            "/api/v1/agents",
            keyB,
            JSON,
            "{\"name\":\""
                + agent
                + "\",\"systemPrompt\":\"You are B's.\",\"provider\":\""
                + provider
                + "\",\"model\":\"scripted\"}");
    assertEquals(201, createdAgent.status(), createdAgent.body());
    assertEquals(
        "You are B's.", api.get("/api/v1/agents/" + agent, keyB).json().getString("systemPrompt"));
    assertEquals(
        "You help.", api.get("/api/v1/agents/" + agent, ADMIN).json().getString("systemPrompt"));
    assertEquals(
        "You are B's.",
        api.get("/api/v1/agents/" + agent + "?tenant=" + tenantB, ADMIN)
            .json()
            .getString("systemPrompt"));
    // a key of B may not name another tenant
    var refused = api.get("/api/v1/agents?tenant=default", keyB);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.body().contains("\"code\":\"TENANT_FORBIDDEN\""), refused.body());

    try (var streamOfB = SseLines.open("/api/v1/stream", keyB)) {
      var taskOfA = submit(agent, ADMIN);
      var taskOfB = submit(agent, keyB);
      var doneOfB = awaitStatus(taskOfB, keyB, "completed");
      var doneOfA = awaitStatus(taskOfA, ADMIN, "completed");
      assertEquals("from B", doneOfB.getString("output"));
      assertEquals("from A", doneOfA.getString("output"));
      var idsOfB = eventIds(taskOfB, keyB);
      var idsOfA = eventIds(taskOfA, ADMIN);
      assertFalse(idsOfA.isEmpty());
      var deadline = Instant.now().plusSeconds(30);
      while (!streamOfB.ids().containsAll(idsOfB) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      Thread.sleep(1_000); // A's events, had they leaked, would have come by now
      assertTrue(streamOfB.ids().containsAll(idsOfB), "B's stream carries B's task's events");
      for (var id : idsOfA) {
        assertFalse(streamOfB.ids().contains(id), "B's stream carries event " + id + " of A");
      }
      assertEquals(404, api.get("/api/v1/tasks/" + taskOfA, keyB).status());
      assertEquals(404, api.get("/api/v1/tasks/" + taskOfB, ADMIN).status());
      assertEquals(200, api.get("/api/v1/tasks/" + taskOfB + "?tenant=" + tenantB, ADMIN).status());
    }

    var usageOfB = api.get("/api/v1/usage", keyB).json().getJsonObject("totals");
    assertEquals(1, usageOfB.getInt("requests"), usageOfB.toString());
    var byTenant = api.get("/api/v1/usage?groupBy=tenant", ADMIN);
    assertEquals(200, byTenant.status(), byTenant.body());
    var tenants =
        byTenant.json().getJsonArray("byTenant").stream()
            .map(g -> g.asJsonObject().getString("key"))
            .toList();
    assertTrue(tenants.containsAll(List.of("default", tenantB)), tenants.toString());
    var notAdmin = api.get("/api/v1/usage?groupBy=tenant", keyB);
    assertEquals(403, notAdmin.status(), notAdmin.body());
  }

  /** The ids of a task's stored events, as the SSE {@code id:} lines give them. */
  private static List<String> eventIds(String task, String token) throws Exception {
    var reply = api.get("/api/v1/tasks/" + task + "/events", token);
    assertEquals(200, reply.status(), reply.body());
    return reply.structure().asJsonArray().stream()
        .map(e -> Long.toString(e.asJsonObject().getJsonNumber("id").longValue()))
        .toList();
  }

  private static String submit(String agent, String token) throws Exception {
    var reply = api.post("/api/v1/agents/" + agent + "/tasks", token, JSON, "{\"input\":\"hi\"}");
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("taskId");
  }

  private static jakarta.json.JsonObject awaitStatus(String id, String token, String status)
      throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    jakarta.json.JsonObject task = null;
    while (Instant.now().isBefore(deadline)) {
      task = api.get("/api/v1/tasks/" + id, token).json();
      if (status.equals(task.getString("status", ""))) {
        return task;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task never became " + status + ": " + task);
  }

  private static String pathWithIdsOfA(String route) {
    var matcher = PARAMETER.matcher(route);
    var path = new StringBuilder();
    while (matcher.find()) {
      var id = a.idFor(route, matcher.group(1));
      matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(id));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private static String fill(String body) {
    return body.replace("${unique}", UUID.randomUUID().toString().substring(0, 8))
        .replace("${provider}", a.ids().get("provider"))
        .replace("${agent}", a.ids().get("agent"))
        .replace("${base}", "http://127.0.0.1:9");
  }

  /** An SSE client keeping every line it reads. */
  static final class SseLines implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final java.io.InputStream body;
    private final Thread reader;

    private SseLines(java.io.InputStream body) {
      this.body = body;
      this.reader = new Thread(this::read, "tenants-sse");
      reader.setDaemon(true);
      reader.start();
    }

    static SseLines open(String path, String token) throws Exception {
      var request =
          api.request(path, token)
              .header("Accept", "text/event-stream")
              .timeout(Duration.ofMinutes(5))
              .GET()
              .build();
      var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      return new SseLines(response.body());
    }

    /** The ids of the events read so far. */
    List<String> ids() {
      return lines.stream()
          .filter(l -> l.startsWith("id:"))
          .map(l -> l.substring(3).trim())
          .toList();
    }

    private void read() {
      try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        for (var line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (Exception e) {
        // closed by the test
      }
    }

    @Override
    public void close() throws Exception {
      body.close();
      reader.join(2_000);
    }
  }
}
