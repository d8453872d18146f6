package org.agentry.server;

import static org.agentry.server.ServerIT.assertProblem;
import static org.agentry.server.SharedServer.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log over HTTP on the shared server: changes by the admin token and by an API key are
 * recorded with actor, auth method, key prefix, action, resource and outcome; no secret reaches a
 * row; a refused change leaves no row (the row shares the change's transaction); refused sign-ins
 * are recorded; admins only; filters, keyset paging and CSV.
 */
class AuditIT {

  private static final String JSON = "application/json";
  private static Api api;
  private static String run;
  private static Instant start;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
    run = UUID.randomUUID().toString().substring(0, 8);
    start = Instant.now().minusSeconds(1);
  }

  private static String scriptedProvider(String name) throws Exception {
    var body =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"scripted\",\"scriptedTurns\":[{\"text\":\"x\",\"promptTokens\":4}]}";
    assertEquals(201, api.post("/api/v1/providers", ADMIN, JSON, body).status());
    return name;
  }

  private static Api.Reply createAgent(String token, String name, String provider)
      throws Exception {
    return api.post(
        "/api/v1/agents",
        token,
        JSON,
        "{\"name\":\""
            + name
            + "\",\"systemPrompt\":\"x\",\"provider\":\""
            + provider
            + "\",\"model\":\"scripted\"}");
  }

  private static List<JsonObject> rows(String query) throws Exception {
    var reply = api.get("/api/v1/audit?" + query, ADMIN);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void changesByTheAdminTokenAndAnApiKeyAreRecordedWithoutSecrets() throws Exception {
    var secret = "sk-audit-" + UUID.randomUUID();
    var providerName = "audit-p-" + run;
    var created =
        api.post(
            "/api/v1/providers",
            ADMIN,
            JSON,
            "{\"name\":\""
                + providerName
                + "\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:9/v1\",\"apiKey\":\""
                + secret
                + "\"}");
    assertEquals(201, created.status(), created.body());
    var agent = "audit-a-" + run;
    assertEquals(201, createAgent(ADMIN, agent, scriptedProvider("audit-s-" + run)).status());
    var key =
        api.post(
                "/api/v1/api-keys",
                ADMIN,
                JSON,
                "{\"name\":\"audit-" + run + "\",\"role\":\"operator\"}")
            .json();
    var token = key.getString("token");
    assertEquals(200, api.post("/api/v1/agents/" + agent + "/pause", token, JSON, "").status());

    var byKey = rows("resource=" + q(agent) + "&action=agent.pause");
    assertEquals(1, byKey.size(), byKey.toString());
    var pause = byKey.get(0);
    assertEquals("api-key:" + key.getString("id"), pause.getString("actor"));
    assertEquals("api-key", pause.getString("authMethod"));
    assertEquals(key.getString("prefix"), pause.getString("keyPrefix"));
    assertEquals("agent", pause.getString("resourceType"));
    assertEquals("ok", pause.getString("outcome"));
    assertEquals("default", pause.getString("tenant"));
    assertTrue(
        pause.getString("clientAddress").matches("127\\.0\\.0\\.1|[0:]+1"), pause.toString());
    assertFalse(Instant.parse(pause.getString("at")).isBefore(start));

    var byAdmin = rows("resource=" + q(agent) + "&action=agent.create").get(0);
    assertEquals("admin", byAdmin.getString("actor"));
    assertEquals("admin-token", byAdmin.getString("authMethod"));
    assertFalse(byAdmin.containsKey("keyPrefix"));

    var issued = rows("resource=" + q(key.getString("id")) + "&action=apikey.issue");
    assertEquals(1, issued.size());
    var provider = rows("resource=" + q(providerName) + "&action=provider.create");
    assertEquals(1, provider.size());

    var everything = api.get("/api/v1/audit/export?from=" + q(start.toString()), ADMIN).body();
    assertTrue(everything.contains(providerName), "the export has the provider's row");
    assertFalse(everything.contains(secret), "a provider's API key is in no audit row");
    assertFalse(everything.contains(token), "an API key's token is in no audit row");
    var json = api.get("/api/v1/audit?limit=200&from=" + q(start.toString()), ADMIN).body();
    assertFalse(json.contains(secret) || json.contains(token));
  }

  @Test
  void aRefusedChangeLeavesNoRow() throws Exception {
    var provider = scriptedProvider("audit-r-" + run);
    var agent = "audit-r-" + run;
    assertEquals(201, createAgent(ADMIN, agent, provider).status());

    assertProblem(createAgent(ADMIN, agent, provider), 409, "AGENT_EXISTS");
    var stale =
        api.request("/api/v1/agents/" + agent, ADMIN)
            .header("Content-Type", JSON)
            .header("If-Match", "\"999\"")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\""
                        + agent
                        + "\",\"systemPrompt\":\"y\",\"provider\":\""
                        + provider
                        + "\",\"model\":\"scripted\"}"));
    assertProblem(api.send(stale), 412, "PRECONDITION_FAILED");
    assertProblem(api.delete("/api/v1/providers/" + provider, ADMIN), 409, "PROVIDER_IN_USE");

    // each boundary records before it checks: these rows were written and rolled back
    assertEquals(1, rows("resource=" + q(agent) + "&action=agent.create").size());
    assertEquals(0, rows("resource=" + q(agent) + "&action=agent.update").size());
    assertEquals(0, rows("resource=" + q(provider) + "&action=provider.delete").size());

    assertEquals(204, api.delete("/api/v1/agents/" + agent, ADMIN).status());
    assertEquals(1, rows("resource=" + q(agent) + "&action=agent.delete").size());
  }

  @Test
  void aRefusedTokenIsRecordedAsASignInFailure() throws Exception {
    var before = Instant.now().minusMillis(500);
    var badKey = "agentry_" + UUID.randomUUID().toString().replace("-", "");
    var notAKey = "audit-password-" + UUID.randomUUID();
    assertProblem(api.get("/api/v1/info", badKey), 401, "UNAUTHENTICATED");
    assertProblem(api.get("/api/v1/info", notAKey), 401, "UNAUTHENTICATED");
    assertProblem(api.get("/api/v1/info", badKey), 401, "UNAUTHENTICATED"); // a repeat

    var failures =
        rows("action=signin.failure&limit=200&from=" + q(before.toString())).stream()
            .filter(
                r ->
                    "127.0.0.1".equals(r.getString("clientAddress", null))
                        || r.getString("clientAddress", "").endsWith(":1"))
            .toList();
    var ours =
        failures.stream()
            .filter(r -> badKey.substring(0, 12).equals(r.getString("keyPrefix", null)))
            .toList();
    assertEquals(1, ours.size(), "a repeat within a minute is not recorded again: " + failures);
    var row = ours.get(0);
    assertEquals("anonymous", row.getString("actor"));
    assertEquals("none", row.getString("authMethod"));
    assertEquals("UNAUTHENTICATED", row.getString("outcome"));
    assertTrue(failures.stream().anyMatch(r -> !r.containsKey("keyPrefix")), failures.toString());
    var all = api.get("/api/v1/audit/export?action=signin.failure", ADMIN).body();
    assertFalse(all.contains(badKey) || all.contains(notAKey), "no presented token is stored");
  }

  @Test
  void onlyAdminsReadTheLog() throws Exception {
    for (var role : new String[] {"viewer", "operator"}) {
      var token =
          api.post(
                  "/api/v1/api-keys",
                  ADMIN,
                  JSON,
                  "{\"name\":\"audit-" + role + "\",\"role\":\"" + role + "\"}")
              .json()
              .getString("token");
      assertProblem(api.get("/api/v1/audit", token), 403, "FORBIDDEN");
      assertProblem(api.get("/api/v1/audit/export", token), 403, "FORBIDDEN");
    }
  }

  @Test
  void filtersPagesAndCsv() throws Exception {
    var provider = scriptedProvider("audit-f-" + run);
    // not earlier: the test before may have created an agent a moment ago
    var from = Instant.now();
    Thread.sleep(20);
    var names = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      var name = "audit-f" + i + "-" + run;
      assertEquals(201, createAgent(ADMIN, name, provider).status());
      names.add(name);
    }
    var to = Instant.now().plusSeconds(1);
    var window =
        "action=agent.create&actor=admin&from=" + q(from.toString()) + "&to=" + q(to.toString());

    var seen = new ArrayList<String>();
    String cursor = null;
    int pages = 0;
    do {
      var reply =
          api.get(
                  "/api/v1/audit?limit=2&" + window + (cursor == null ? "" : "&cursor=" + cursor),
                  ADMIN)
              .json();
      var items = reply.getJsonArray("items").getValuesAs(JsonObject.class);
      assertTrue(items.size() <= 2);
      items.forEach(r -> seen.add(r.getString("resourceId")));
      cursor = reply.containsKey("nextCursor") ? reply.getString("nextCursor") : null;
      pages++;
    } while (cursor != null && pages < 10);
    var expected = new ArrayList<>(names);
    java.util.Collections.reverse(expected);
    assertEquals(expected, seen, "newest first, each once, across pages");
    assertEquals(3, pages);
    assertEquals(new HashSet<>(names).size(), new HashSet<>(seen).size());

    assertEquals(0, rows(window.replace("actor=admin", "actor=nobody")).size());
    assertEquals(1, rows("resource=" + q(names.get(2))).size());
    assertEquals(
        0,
        rows("action=agent.create&resource=" + q(names.get(2)) + "&to=" + q(from.toString()))
            .size());

    var csv = api.get("/api/v1/audit/export?" + window, ADMIN);
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    var lines = csv.body().split("\r\n");
    assertEquals(
        "id,at,actor,authMethod,keyPrefix,tenant,action,resourceType,resourceId,clientAddress,outcome,detail",
        lines[0]);
    assertEquals(6, lines.length, csv.body());
    assertTrue(
        lines[1].contains(",admin,admin-token,,default,agent.create,agent," + names.get(4) + ","));

    assertProblem(api.get("/api/v1/audit?limit=0", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/audit?from=yesterday", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/audit?cursor=not-a-cursor", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/audit?actor=", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/audit/export?format=xml", ADMIN), 400, "VALIDATION_FAILED");
    assertNull(api.get("/api/v1/audit?limit=1&action=no.such", ADMIN).json().get("nextCursor"));
    assertNotNull(api.get("/api/v1/audit?limit=1", ADMIN).json().get("nextCursor"));
  }

  @Test
  void taskChangesByAnApiKeyAreRecorded() throws Exception {
    var agent = "audit-t-" + run;
    assertEquals(201, createAgent(ADMIN, agent, scriptedProvider("audit-t-" + run)).status());
    var key =
        api.post("/api/v1/api-keys", ADMIN, JSON, "{\"name\":\"audit-t\",\"role\":\"operator\"}")
            .json();
    var token = key.getString("token");
    var submitted =
        api.post(
            "/api/v1/agents/" + agent + "/tasks",
            token,
            JSON,
            "{\"input\":\"later\",\"delaySeconds\":3600}");
    assertEquals(202, submitted.status(), submitted.body());
    var task = submitted.json().getString("taskId");
    assertEquals(200, api.post("/api/v1/tasks/" + task + "/cancel", token, JSON, "").status());
    assertProblem(
        api.post("/api/v1/tasks/" + task + "/cancel", token, JSON, ""), 409, "TASK_FINISHED");
    assertEquals(204, api.delete("/api/v1/tasks/" + task, token).status());

    var actions = rows("resource=" + task).stream().map(r -> r.getString("action")).toList();
    assertEquals(List.of("task.delete", "task.cancel", "task.submit"), actions);
    for (var row : rows("resource=" + task)) {
      assertEquals("api-key:" + key.getString("id"), row.getString("actor"));
      assertEquals(key.getString("prefix"), row.getString("keyPrefix"));
      assertEquals("task", row.getString("resourceType"));
    }
  }

  @Test
  void rowsPastTheRetentionArePruned() throws Exception {
    var now = Instant.now();
    var old = "audit-old-" + run;
    var kept = "audit-kept-" + run;
    try (var db =
        java.sql.DriverManager.getConnection(
            System.getProperty("agentry.it.db.url"),
            System.getProperty("agentry.it.db.user", "postgres"),
            System.getProperty("agentry.it.db.password", ""))) {
      insertRow(db, old, now.minus(java.time.Duration.ofDays(401)));
      insertRow(db, kept, now.minus(java.time.Duration.ofDays(399)));
    }
    var deadline = System.nanoTime() + java.time.Duration.ofSeconds(75).toNanos();
    while (!rows("resource=" + old).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    assertEquals(0, rows("resource=" + old).size(), "the 401-day-old row is pruned");
    assertEquals(1, rows("resource=" + kept).size(), "the 399-day-old row stays");
  }

  private static void insertRow(java.sql.Connection db, String resource, Instant at)
      throws Exception {
    try (var insert =
        db.prepareStatement(
            "INSERT INTO audit_event (id, occurred_at, actor, auth_method, tenant, action,"
                + " resource_id, outcome) VALUES (?, ?, 'admin', 'admin-token', 'default',"
                + " 'agent.create', ?, 'ok')")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
      insert.setString(3, resource);
      insert.executeUpdate();
    }
  }
}
