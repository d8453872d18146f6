package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.shortId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The organism endpoints on the shared server: state and counts, settings without secrets, reload
 * of agent packages, the capabilities of tools and agents, and a refused drain. The drain itself
 * runs on a server of its own ({@link OrganismDrainIT}).
 */
class OrganismIT {

  private static final String JSON = "application/json";
  private static final String ADMIN = SharedServer.ADMIN;

  private static Api api;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
    fixtures = Fixtures.create("org");
  }

  @Test
  void stateNamesTheNodeAndCountsWhatTheServerHolds() throws Exception {
    var before = state(fixtures.viewerKey());
    var info = api.get("/api/v1/info", ADMIN).json();
    for (var field : new String[] {"name", "version", "databaseKind", "brokerKind"}) {
      assertEquals(info.getString(field), before.getString(field), field);
    }
    var node = before.getString("node");
    assertFalse(node.isBlank());
    var self = before.getJsonArray("nodes").getJsonObject(0);
    assertEquals(node, self.getString("id"));
    assertTrue(self.getBoolean("self"));
    assertTrue(before.getJsonNumber("uptimeSeconds").longValue() >= 0);
    assertEquals("serving", before.getJsonObject("drain").getString("state"));
    assertFalse(before.getBoolean("dispatchPaused"));

    var provider = AgentsIT.scriptedProvider("[{\"text\":\"done\"}]");
    var enabled = createAgent(provider, "");
    var paused = createAgent(provider, "");
    assertEquals(200, api.post("/api/v1/agents/" + paused + "/pause", ADMIN, JSON, "").status());
    createAgent(provider, ",\"enabled\":false");
    var task = TasksIT.submit(enabled, "{\"input\":\"count me\"}").json().getString("taskId");
    TasksIT.awaitStatus(task, "completed");

    var after = state(fixtures.viewerKey());
    var counts = before.getJsonObject("counts");
    var now = after.getJsonObject("counts");
    assertEquals(1, delta(counts, now, "agents", "enabled"), now.toString());
    assertEquals(1, delta(counts, now, "agents", "paused"), now.toString());
    assertEquals(1, delta(counts, now, "agents", "disabled"), now.toString());
    // the server is shared: a task another test class left queued (a delayed one, a goal's or a
    // workflow's step) may end meanwhile, so these counts grow by at least this test's own
    assertTrue(delta(counts, now, "tasks", "completed") >= 1, now.toString());
    assertTrue(delta(counts, now, "sessions", "active") >= 1, now.toString());
    assertTrue(
        now.getJsonNumber("messages").longValue() - counts.getJsonNumber("messages").longValue()
            >= 2,
        "the task's input and reply");
    assertEquals(
        java.util.Set.of("queued", "running", "waiting", "completed", "failed", "cancelled"),
        now.getJsonObject("tasks").keySet());
  }

  @Test
  void configShowsSettingsWithTheirSourcesAndNoSecret() throws Exception {
    var reply = api.get("/api/v1/organism/config", ADMIN);
    assertEquals(200, reply.status(), reply.body());
    assertFalse(reply.body().contains(ADMIN), "the admin token is not shown");
    var token = setting(reply.json(), "agentry.admin.token");
    assertTrue(token.getBoolean("secret"));
    assertTrue(token.getBoolean("present"));
    assertTrue(AgentsIT.absent(token, "value"), token.toString());
    var body = setting(reply.json(), "agentry.http.max-body-bytes");
    assertEquals(Integer.toString(SharedServer.BODY_LIMIT), body.getString("value"));
    assertTrue(body.getBoolean("present"));
    assertFalse(body.getBoolean("secret"));
    assertFalse(body.getString("source").equals("default"), body.toString());
    var quota = setting(reply.json(), "agentry.tools.max-output-bytes");
    assertEquals("32768", quota.getString("value"));
    assertFalse(quota.getBoolean("present"));
    assertEquals("default", quota.getString("source"));
    var dbPassword = setting(reply.json(), "agentry.db.password");
    assertTrue(AgentsIT.absent(dbPassword, "value"), dbPassword.toString());

    var operator = api.get("/api/v1/organism/config", fixtures.operatorKey());
    assertEquals(403, operator.status());
  }

  @Test
  void reloadAddsChangesAndRemovesPackagesAndNamesBrokenOnes() throws Exception {
    var name = "org-" + shortId();
    var folder = SharedServer.agentsDir().resolve(name);
    SharedServer.writePackage(folder, "First prompt.");
    var broken = SharedServer.agentsDir().resolve("org-broken-" + shortId());
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("AGENT.md"), "Broken.");
    Files.writeString(broken.resolve("agent.json"), "{\"provider\":");
    try {
      var added = reload();
      assertTrue(strings(added, "added").contains(name), added.toString());
      var error =
          added.getJsonArray("errors").stream()
              .map(JsonValue::asJsonObject)
              .filter(e -> e.getString("name").equals(broken.getFileName().toString()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(added.toString()));
      assertFalse(error.getString("message").isBlank());
      assertTrue(strings(added, "reloaded").contains("agentPackages"), added.toString());

      SharedServer.writePackage(folder, "Second prompt.");
      var changed = reload();
      assertTrue(strings(changed, "changed").contains(name), changed.toString());
      assertEquals(
          "Second prompt.",
          api.get("/api/v1/agents/" + name, ADMIN).json().getString("systemPrompt"));
      assertFalse(strings(reload(), "changed").contains(name), "unchanged the second time");
    } finally {
      delete(broken);
      delete(folder);
    }
    var removed = reload();
    assertTrue(strings(removed, "removed").contains(name), removed.toString());
    assertEquals(404, api.get("/api/v1/agents/" + name, ADMIN).status());
  }

  @Test
  void capabilitiesListToolsAndAgentsWithSchemasAndExamples() throws Exception {
    var provider = AgentsIT.scriptedProvider("[{\"text\":\"done\"}]");
    var agent = createAgent(provider, ",\"description\":\"Writes notes.\"");
    var reply = api.get("/api/v1/capabilities", fixtures.operatorKey());
    assertEquals(200, reply.status(), reply.body());
    var all = (JsonArray) reply.structure();
    var kinds = all.stream().map(c -> c.asJsonObject().getString("kind")).toList();
    assertEquals(kinds.lastIndexOf("tool") + 1, kinds.indexOf("agent"), "tools, then agents");
    for (var tool :
        new String[] {
          "current_time", "read_file", "write_file", "list_dir", "memory_read", "ask_user"
        }) {
      assertTrue(all.stream().anyMatch(c -> c.asJsonObject().getString("name").equals(tool)), tool);
    }
    for (var value : all) {
      var capability = value.asJsonObject();
      assertEquals("object", capability.getJsonObject("inputSchema").getString("type"));
      assertTrue(capability.containsKey("exampleInput"), capability.toString());
      assertFalse(capability.getString("description").isBlank(), capability.toString());
    }

    var write = one("write_file");
    assertEquals("tool", write.getString("kind"));
    var required = strings(write.getJsonObject("inputSchema"), "required");
    assertTrue(required.containsAll(java.util.List.of("path", "content")), write.toString());
    assertTrue(write.getJsonObject("exampleInput").keySet().containsAll(required));

    var notes = one("agent:" + agent);
    assertEquals(agent, notes.getString("name"));
    assertEquals("agent", notes.getString("kind"));
    assertEquals("Writes notes.", notes.getString("description"));
    assertEquals("POST /api/v1/agents/" + agent + "/tasks", notes.getString("invocation"));
    assertTrue(notes.getJsonObject("exampleInput").containsKey("input"));
    assertEquals(notes, one(agent));

    var missing = api.get("/api/v1/capabilities/no-such-capability", ADMIN);
    assertEquals(404, missing.status());
    assertTrue(missing.contentType().startsWith("application/problem+json"));
    assertEquals("CAPABILITY_NOT_FOUND", missing.json().getString("code"));
    assertEquals(403, api.get("/api/v1/capabilities", fixtures.viewerKey()).status());
  }

  @Test
  void aBadDeadlineIsRefusedAndDrainsNothing() throws Exception {
    for (var body :
        new String[] {
          "{\"deadlineSeconds\":-1}",
          "{\"deadlineSeconds\":3601}",
          "{\"deadlineSeconds\":\"ten\"}",
          "{\"deadline\":10}"
        }) {
      var reply = api.post("/api/v1/organism/stop", ADMIN, JSON, body);
      assertEquals(400, reply.status(), body + " " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"));
    }
    assertEquals(
        403, api.post("/api/v1/organism/stop", fixtures.operatorKey(), JSON, "{}").status());
    assertEquals("serving", state(ADMIN).getJsonObject("drain").getString("state"));
  }

  @Test
  void theOpenApiDocumentHasTheEndpoints() throws Exception {
    var openapi = api.get("/openapi", null);
    assertEquals(200, openapi.status());
    for (var path :
        new String[] {
          "/api/v1/organism:",
          "/api/v1/organism/config",
          "/api/v1/organism/reload",
          "/api/v1/organism/stop",
          "/api/v1/capabilities:",
          "/api/v1/capabilities/{name}"
        }) {
      assertTrue(openapi.body().contains(path), path);
    }
  }

  private static JsonObject state(String token) throws Exception {
    var reply = api.get("/api/v1/organism", token);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static long delta(JsonObject before, JsonObject after, String group, String key) {
    return after.getJsonObject(group).getJsonNumber(key).longValue()
        - before.getJsonObject(group).getJsonNumber(key).longValue();
  }

  private static String createAgent(String provider, String extra) throws Exception {
    var name = "org-" + shortId();
    var created = api.post("/api/v1/agents", ADMIN, JSON, agentJson(name, provider, "[]", extra));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static JsonObject one(String name) throws Exception {
    var reply = api.get("/api/v1/capabilities/" + name, fixtures.operatorKey());
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static JsonObject setting(JsonObject config, String key) {
    return config.getJsonArray("settings").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("key").equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no setting " + key + ": " + config));
  }

  private static JsonObject reload() throws Exception {
    var reply = api.post("/api/v1/organism/reload", ADMIN, JSON, "");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static java.util.List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static void delete(Path folder) throws Exception {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** Standard Base64 of 32 random bytes: a valid {@code agentry.secret.key}. */
  static String randomKey() {
    var bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
