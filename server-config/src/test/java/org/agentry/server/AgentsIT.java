package org.agentry.server;

import static org.agentry.server.ServerIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents, scripted providers, chat and sessions over HTTP on the shared server: a two-turn chat
 * whose tools write and read a file, the session's messages and usage, sandbox escapes, tool errors
 * the model gets to see, ETags, pausing and killing.
 */
class AgentsIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static ServerProcess server;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    server = SharedServer.get();
    api = new Api(server.base());
  }

  @Test
  void chatsTwoTurnsWithFileToolsAndMetersUsage() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"write_file\",\"arguments\":{\"path\":\"notes/hello.txt\","
            + "\"content\":\"hello from agentry\"}}],\"promptTokens\":100,\"completionTokens\":20},"
            + "{\"text\":\"I wrote notes/hello.txt\",\"promptTokens\":120,\"completionTokens\":10},"
            + "{\"toolCalls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"notes/hello.txt\"}}],"
            + "\"promptTokens\":150,\"completionTokens\":15},"
            + "{\"text\":\"It says: hello from agentry\",\"promptTokens\":160,\"completionTokens\":12}]";
    var provider = scriptedProvider(turns);
    var agent = agent(provider, "[\"write_file\",\"read_file\"]");

    var first = chat(agent, "Write hello to notes/hello.txt", null);
    assertEquals("completed", first.getString("stopReason"));
    assertEquals("I wrote notes/hello.txt", first.getString("reply"));
    var write = first.getJsonArray("toolCalls").getJsonObject(0);
    assertEquals("write_file", write.getString("name"));
    assertTrue(write.getString("result").startsWith("wrote 18 bytes"));
    var file = server.dataDir.resolve("workspaces").resolve(agent).resolve("notes/hello.txt");
    assertEquals("hello from agentry", Files.readString(file));

    var sessionId = first.getString("sessionId");
    var second = chat(agent, "What does the note say?", sessionId);
    assertEquals(sessionId, second.getString("sessionId"));
    assertEquals("It says: hello from agentry", second.getString("reply"));
    var read = second.getJsonArray("toolCalls").getJsonObject(0);
    assertEquals("hello from agentry", read.getString("result"));
    assertEquals(310, second.getJsonObject("usage").getInt("promptTokens"));

    var messages =
        (JsonArray) api.get("/api/v1/sessions/" + sessionId + "/messages", ADMIN).structure();
    var roles = messages.stream().map(m -> m.asJsonObject().getString("role")).toList();
    assertEquals(
        java.util.List.of(
            "user", "assistant", "tool", "assistant", "user", "assistant", "tool", "assistant"),
        roles);
    var call = messages.getJsonObject(1).getJsonArray("toolCalls").getJsonObject(0);
    assertEquals("write_file", call.getString("name"));
    assertEquals(call.getString("id"), messages.getJsonObject(2).getString("toolCallId"));

    var session = api.get("/api/v1/sessions/" + sessionId, ADMIN).json();
    assertEquals(2, session.getInt("turns"));
    var usage = session.getJsonObject("usage");
    assertEquals(4, usage.getInt("calls"));
    assertEquals(530, usage.getInt("promptTokens"));
    assertEquals(57, usage.getInt("completionTokens"));
    // 530 input tokens at 1 USD/M plus 57 output tokens at 2 USD/M
    assertEquals(
        0, new BigDecimal("0.000644").compareTo(usage.getJsonNumber("costUsd").bigDecimalValue()));
    assertEquals(2, session.getJsonArray("toolCalls").size());
  }

  @Test
  void fileToolsStayInsideTheWorkspace() throws Exception {
    var turns =
        "[{\"toolCalls\":["
            + "{\"name\":\"read_file\",\"arguments\":{\"path\":\"../../admin-token\"}},"
            + "{\"name\":\"write_file\",\"arguments\":{\"path\":\"/tmp/agentry-escape.txt\",\"content\":\"x\"}},"
            + "{\"name\":\"read_file\",\"arguments\":{\"path\":\"out/secret\"}},"
            + "{\"name\":\"write_file\",\"arguments\":{\"path\":\"out/new.txt\",\"content\":\"x\"}}]},"
            + "{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"read_file\",\"write_file\"]");
    var workspace = Files.createDirectories(server.dataDir.resolve("workspaces").resolve(agent));
    var outside = Files.createDirectories(server.dataDir.resolveSibling("outside-" + agent));
    Files.writeString(outside.resolve("secret"), "not yours");
    Files.createSymbolicLink(workspace.resolve("out"), outside);

    var reply = chat(agent, "try to escape", null);

    assertEquals("done", reply.getString("reply"));
    var calls = reply.getJsonArray("toolCalls");
    assertEquals(4, calls.size());
    for (var value : calls) {
      var tool = value.asJsonObject();
      assertTrue(absent(tool, "result"), tool.toString());
      assertFalse(tool.getString("error").isBlank());
    }
    assertFalse(Files.exists(java.nio.file.Path.of("/tmp/agentry-escape.txt")));
    assertFalse(Files.exists(outside.resolve("new.txt")));
  }

  @Test
  void unknownToolsAndMalformedArgumentsGoBackToTheModel() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"rm_rf\",\"arguments\":{}},"
            + "{\"name\":\"current_time\",\"arguments\":\"not json\"}]},{\"text\":\"recovered\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");

    var reply = chat(agent, "go", null);

    assertEquals("completed", reply.getString("stopReason"));
    assertEquals("recovered", reply.getString("reply"));
    var calls = reply.getJsonArray("toolCalls");
    assertTrue(calls.getJsonObject(0).getString("error").contains("unknown tool"));
    assertTrue(calls.getJsonObject(1).getString("error").contains("JSON object"));
    var messages =
        (JsonArray)
            api.get("/api/v1/sessions/" + reply.getString("sessionId") + "/messages", ADMIN)
                .structure();
    assertTrue(messages.getJsonObject(2).getString("content").startsWith("Error: unknown tool"));
  }

  @Test
  void iterationLimitStopsALoopingModel() throws Exception {
    var call = "{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}]}";
    var turns = "[" + String.join(",", java.util.Collections.nCopies(5, call)) + "]";
    var provider = scriptedProvider(turns);
    var name = "a-" + shortId();
    var body = agentJson(name, provider, "[\"current_time\"]", ",\"limits\":{\"maxIterations\":3}");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());

    var reply = chat(name, "loop forever", null);

    assertEquals("max_iterations", reply.getString("stopReason"));
    assertEquals(3, reply.getInt("iterations"));
    assertTrue(absent(reply, "reply"));
  }

  @Test
  void editsWithOneETagAtOnceGetOneWinnerAndNo500() throws Exception {
    var provider = scriptedProvider("[{\"text\":\"hi\"}]");
    var name = "a-" + shortId();
    var created = api.post("/api/v1/agents", ADMIN, JSON, agentJson(name, provider, "[]", ""));
    var etag = created.raw().headers().firstValue("ETag").orElseThrow();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var edits = new java.util.ArrayList<java.util.concurrent.Future<Api.Reply>>();
      for (int i = 0; i < 6; i++) {
        var update = agentJson(name, provider, "[]", ",\"description\":\"edit " + i + "\"");
        edits.add(
            pool.submit(
                () -> {
                  start.await();
                  return put("/api/v1/agents/" + name, etag, update);
                }));
      }
      start.countDown();
      int won = 0;
      for (var edit : edits) {
        var reply = edit.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(
            java.util.List.of(200, 409, 412).contains(reply.status()),
            reply.status() + reply.body());
        won += reply.status() == 200 ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void overlongProviderSettingsAreRefusedNot500() throws Exception {
    var longUrl = "http://h/" + "a".repeat(3000);
    var url =
        "{\"name\":\"p-" + shortId() + "\",\"kind\":\"openai\",\"baseUrl\":\"" + longUrl + "\"}";
    assertProblem(api.post("/api/v1/providers", ADMIN, JSON, url), 400, "VALIDATION_FAILED");
    var key =
        "{\"name\":\"p-"
            + shortId()
            + "\",\"kind\":\"openai\",\"apiKey\":\""
            + "k".repeat(5000)
            + "\"}";
    assertProblem(api.post("/api/v1/providers", ADMIN, JSON, key), 400, "VALIDATION_FAILED");
  }

  @Test
  void agentsNeedIfMatchToChangeAndRefuseUnknownFields() throws Exception {
    var provider = scriptedProvider("[{\"text\":\"hi\"}]");
    var name = "a-" + shortId();
    var created = api.post("/api/v1/agents", ADMIN, JSON, agentJson(name, provider, "[]", ""));
    assertEquals(201, created.status(), created.body());
    var etag = created.raw().headers().firstValue("ETag").orElseThrow();

    var update = agentJson(name, provider, "[]", ",\"description\":\"changed\"");
    assertProblem(put("/api/v1/agents/" + name, null, update), 428, "PRECONDITION_REQUIRED");
    assertProblem(put("/api/v1/agents/" + name, "\"999\"", update), 412, "PRECONDITION_FAILED");
    var replaced = put("/api/v1/agents/" + name, etag, update);
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("changed", replaced.json().getString("description"));
    assertNotEquals(etag, replaced.raw().headers().firstValue("ETag").orElseThrow());
    assertProblem(put("/api/v1/agents/" + name, etag, update), 412, "PRECONDITION_FAILED");

    var sneaky = agentJson("b-" + shortId(), provider, "[]", ",\"paused\":false");
    assertProblem(api.post("/api/v1/agents", ADMIN, JSON, sneaky), 400, "MALFORMED_JSON");
    var badName = agentJson("Bad Name", provider, "[]", "");
    assertProblem(api.post("/api/v1/agents", ADMIN, JSON, badName), 400, "VALIDATION_FAILED");
    var badTool = agentJson("c-" + shortId(), provider, "[\"launch_rockets\"]", "");
    assertProblem(api.post("/api/v1/agents", ADMIN, JSON, badTool), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/v1/agents/no-such-agent", ADMIN), 404, "AGENT_NOT_FOUND");
  }

  @Test
  void pausedAgentsAndKilledSessionsTakeNoTurns() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"hi\"}]"), "[]");
    var sessionId = chat(agent, "hello", null).getString("sessionId");

    assertEquals(200, api.post("/api/v1/agents/" + agent + "/pause", ADMIN, JSON, "").status());
    assertProblem(chatReply(agent, "again", sessionId), 409, "AGENT_PAUSED");
    assertEquals(200, api.post("/api/v1/agents/" + agent + "/resume", ADMIN, JSON, "").status());
    assertEquals(200, chatReply(agent, "again", sessionId).status());

    var killed = api.post("/api/v1/sessions/" + sessionId + "/kill", ADMIN, JSON, "");
    assertEquals("killed", killed.json().getString("status"));
    assertProblem(chatReply(agent, "more", sessionId), 409, "SESSION_KILLED");
    assertProblem(
        api.post("/api/v1/sessions/" + sessionId + "/kill", ADMIN, JSON, ""),
        409,
        "SESSION_KILLED");

    var listed = api.get("/api/v1/sessions?agent=" + agent, ADMIN).json();
    assertEquals(1, listed.getInt("total"));
    assertEquals(204, api.delete("/api/v1/sessions/" + sessionId, ADMIN).status());
    assertProblem(api.get("/api/v1/sessions/" + sessionId, ADMIN), 404, "SESSION_NOT_FOUND");
    assertProblem(chatReply(agent, "x", UUID.randomUUID().toString()), 404, "SESSION_NOT_FOUND");
  }

  @Test
  void providerApiKeysAreWriteOnly() throws Exception {
    var name = "p-" + shortId();
    var secret = "sk-test-" + UUID.randomUUID();
    var body =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:9/v1\","
            + "\"apiKey\":\""
            + secret
            + "\"}";
    var created = api.post("/api/v1/providers", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    assertTrue(created.json().getBoolean("apiKeySet"));
    assertFalse(created.body().contains(secret));
    assertFalse(api.get("/api/v1/providers", ADMIN).body().contains(secret));
    assertFalse(api.get("/api/v1/providers/" + name, ADMIN).body().contains(secret));
    var models = api.get("/api/v1/models", ADMIN);
    assertEquals(200, models.status());
    assertFalse(models.body().contains(secret));
    assertFalse(server.logText().contains(secret), "the API key must never be logged");
    var viewer = viewerToken();
    assertProblem(api.post("/api/v1/providers", viewer, JSON, body), 403, "FORBIDDEN");
  }

  @Test
  void agentPackagesLoadReloadAndExport() throws Exception {
    var loaded = api.get("/api/v1/agents/packaged", ADMIN);
    assertEquals(200, loaded.status(), loaded.body());
    assertEquals("You are loaded from a package.", loaded.json().getString("systemPrompt"));

    var name = "pkg-" + shortId();
    SharedServer.writePackage(SharedServer.agentsDir().resolve(name), "First prompt.");
    var added = api.post("/api/v1/agents/reload", ADMIN, JSON, "").json();
    assertTrue(added.getJsonArray("added").toString().contains(name), added.toString());

    Files.writeString(SharedServer.agentsDir().resolve(name).resolve("AGENT.md"), "Second prompt.");
    var changed = api.post("/api/v1/agents/reload", ADMIN, JSON, "").json();
    assertTrue(changed.getJsonArray("changed").toString().contains(name), changed.toString());
    assertEquals(
        "Second prompt.",
        api.get("/api/v1/agents/" + name, ADMIN).json().getString("systemPrompt"));

    var zip = api.send(api.request("/api/v1/agents/" + name + "/package", ADMIN).GET());
    assertEquals(200, zip.status());
    assertTrue(zip.body().contains(name + "/AGENT.md"));

    var folder = SharedServer.agentsDir().resolve(name);
    Files.delete(folder.resolve("AGENT.md"));
    Files.delete(folder.resolve("agent.json"));
    Files.delete(folder);
    var removed = api.post("/api/v1/agents/reload", ADMIN, JSON, "").json();
    assertTrue(removed.getJsonArray("removed").toString().contains(name), removed.toString());
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String scriptedProvider(String turns) throws Exception {
    var name = "p-" + shortId();
    var body =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"scripted\",\"scriptedTurns\":"
            + turns
            + ",\"prices\":{\"scripted\":{\"inputPerMillion\":1.0,\"outputPerMillion\":2.0}}}";
    var created = SharedServer.api().post("/api/v1/providers", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  static String agent(String provider, String tools) throws Exception {
    var name = "a-" + shortId();
    var created =
        SharedServer.api()
            .post("/api/v1/agents", ADMIN, JSON, agentJson(name, provider, tools, ""));
    assertEquals(201, created.status(), created.body());
    return name;
  }

  static String agentJson(String name, String provider, String tools, String extra) {
    return "{\"name\":\""
        + name
        + "\",\"systemPrompt\":\"You help.\",\"provider\":\""
        + provider
        + "\",\"model\":\"scripted\",\"tools\":"
        + tools
        + extra
        + "}";
  }

  static JsonObject chat(String agent, String message, String sessionId) throws Exception {
    var reply = chatReply(agent, message, sessionId);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static Api.Reply chatReply(String agent, String message, String sessionId) throws Exception {
    var body = Json.createObjectBuilder().add("message", message);
    if (sessionId != null) {
      body.add("sessionId", sessionId);
    }
    return SharedServer.api()
        .post("/api/v1/agents/" + agent + "/chat", ADMIN, JSON, body.build().toString());
  }

  private static Api.Reply put(String path, String ifMatch, String body) throws Exception {
    var request =
        api.request(path, ADMIN)
            .header("Content-Type", JSON)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return api.send(request);
  }

  private static String viewerToken() throws Exception {
    return viewerKey().token();
  }

  /** An API key: its id and its secret token. */
  record Key(String id, String token) {}

  /** A new viewer key. */
  static Key viewerKey() throws Exception {
    var body = "{\"name\":\"viewer-" + shortId() + "\",\"role\":\"viewer\"}";
    var created = SharedServer.api().post("/api/v1/api-keys", ADMIN, JSON, body).json();
    return new Key(created.getString("id"), created.getString("token"));
  }

  /** JSON-B leaves null members out. */
  static boolean absent(JsonObject json, String key) {
    return !json.containsKey(key) || json.isNull(key);
  }
}
