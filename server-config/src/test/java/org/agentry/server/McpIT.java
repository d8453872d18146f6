package org.agentry.server;

import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.events;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP in both directions on the shared server, with the MCP Java SDK on the other side. As a
 * server: the SDK's client reaches {@code /mcp} with an API key, lists the agents' tools and runs
 * an agent; a viewer may list but not run, no key gets 401, a paused agent's tool leaves the list.
 * As a client: Agentry registers its own {@code /mcp} over http (the key in a write-only header)
 * and a fixture server over stdio; scripted agents call their tools, the results reach the model
 * like a built-in tool's; a killed stdio server is started again on the next call.
 */
class McpIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static String operator;
  private static String viewer;

  @BeforeAll
  static void keys() throws Exception {
    operator = key("operator");
    viewer = key("viewer");
  }

  @Test
  void theSdkClientListsAndRunsAgentsOverMcp() throws Exception {
    var agent = "m-" + shortId();
    create(agent, "[{\"text\":\"hello from " + agent + "\"}]", "[]");

    try (var client = client(operator)) {
      var names = toolNames(client);
      assertTrue(names.contains("run_agent_" + agent), names.toString());
      assertTrue(names.containsAll(List.of("submit_task", "get_task")), names.toString());

      var run = client.callTool(call("run_agent_" + agent, Map.of("input", "hi")));
      assertFalse(Boolean.TRUE.equals(run.isError()), text(run));
      assertEquals("hello from " + agent, text(run));

      var submitted =
          client.callTool(call("submit_task", Map.of("agent", agent, "input", "again")));
      var taskId = json(text(submitted)).getString("taskId");
      awaitStatus(taskId, "completed");
      var read = json(text(client.callTool(call("get_task", Map.of("taskId", taskId)))));
      assertEquals("completed", read.getString("status"));
      assertEquals("hello from " + agent, read.getString("output"));
      var audit =
          SharedServer.api()
              .get("/api/v1/audit?action=task.submit&resource=" + taskId, ADMIN)
              .json()
              .getJsonArray("items");
      assertEquals(1, audit.size(), audit.toString());
      assertEquals("api-key", audit.getJsonObject(0).getString("authMethod"), audit.toString());

      var paused = SharedServer.api().post("/api/v1/agents/" + agent + "/pause", ADMIN, JSON, "{}");
      assertEquals(200, paused.status(), paused.body());
      assertFalse(toolNames(client).contains("run_agent_" + agent), "a paused agent is no tool");
    }

    try (var client = client(viewer)) {
      assertTrue(toolNames(client).contains("get_task"));
      var refused = client.callTool(call("submit_task", Map.of("agent", agent, "input", "x")));
      assertTrue(Boolean.TRUE.equals(refused.isError()));
      assertTrue(text(refused).contains("operator"), text(refused));
    }

    var initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    for (var token : new String[] {null, "agentry_not-a-key"}) {
      var reply =
          SharedServer.api()
              .send(
                  SharedServer.api()
                      .request("/mcp", token)
                      .header("Content-Type", JSON)
                      .header("Accept", "application/json, text/event-stream")
                      .POST(HttpRequest.BodyPublishers.ofString(initialize)));
      assertEquals(401, reply.status(), reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }
    assertThrows(RuntimeException.class, () -> client(null).close());
  }

  @Test
  void agentsCallToolsOfAnHttpMcpServerWhoseHeadersStaySecret() throws Exception {
    var server = "self-" + shortId();
    var registered =
        SharedServer.api()
            .post(
                "/api/v1/mcp-servers",
                ADMIN,
                JSON,
                "{\"name\":\""
                    + server
                    + "\",\"transport\":\"http\",\"url\":\""
                    + SharedServer.get().base()
                    + "/mcp\",\"headers\":{\"Authorization\":\"Bearer "
                    + operator
                    + "\"},\"timeoutSeconds\":30}");
    assertEquals(201, registered.status(), registered.body());
    assertEquals(List.of("Authorization"), strings(registered.json().getJsonArray("headerNames")));
    for (var path : List.of("/api/v1/mcp-servers", "/api/v1/mcp-servers/" + server)) {
      var read = SharedServer.api().get(path, viewer);
      assertEquals(200, read.status(), read.body());
      assertTrue(read.body().contains(server), read.body());
      assertFalse(read.body().contains(operator), "a header value is never returned: " + path);
    }
    var refused =
        SharedServer.api()
            .post("/api/v1/mcp-servers", viewer, JSON, "{\"name\":\"v-" + shortId() + "\"}");
    assertEquals(403, refused.status(), refused.body());

    var inner = "t-" + shortId();
    create(inner, "[{\"text\":\"inner answer\"}]", "[]");
    var tools = SharedServer.api().get("/api/v1/mcp-servers/" + server + "/tools", viewer);
    assertEquals(200, tools.status(), tools.body());
    assertTrue(tools.body().contains("\"run_agent_" + inner + "\""), tools.body());
    var modelName = "mcp_" + server + "_run_agent_" + inner;
    assertTrue(tools.body().contains("\"" + modelName + "\""), tools.body());

    var outer = "o-" + shortId();
    create(outer, callThen(modelName, "{\"input\":\"go\"}"), "[\"mcp:" + server + "/*\"]");
    var id = submit(outer, "{\"input\":\"ask the inner agent\"}").json().getString("taskId");
    var task = awaitStatus(id, "completed");
    assertEquals("relayed", task.getString("output"));
    var end = toolEnd(id);
    assertEquals(modelName, end.getString("name"));
    assertFalse(end.containsKey("error"), end.toString());
    assertEquals(List.of("inner answer"), toolResults(task.getString("sessionId")));

    var deleted = SharedServer.api().delete("/api/v1/mcp-servers/" + server, ADMIN);
    assertEquals(204, deleted.status(), deleted.body());
    var after = submit(outer, "{\"input\":\"again\"}").json().getString("taskId");
    awaitStatus(after, "completed");
    assertTrue(toolEnd(after).getString("error").contains("no longer registered"));

    var unknown =
        SharedServer.api()
            .post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                agentJson(
                    "u-" + shortId(),
                    scriptedProvider("[{\"text\":\"x\"}]"),
                    "[\"mcp:" + server + "/*\"]",
                    ""));
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("not registered"), unknown.body());
  }

  @Test
  void agentsCallAStdioMcpServerThatIsStartedAgainAfterItDied() throws Exception {
    var server = "fx-" + shortId();
    var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the test class path is longer than one argument may be: give it to java in an argument file
    var arguments = java.nio.file.Files.createTempFile("mcp-fixture", ".args");
    java.nio.file.Files.writeString(
        arguments,
        "-cp \""
            + System.getProperty("java.class.path").replace("\\", "\\\\")
            + "\"\n"
            + McpFixtureServer.class.getName()
            + "\n");
    var command = jsonArray(javaBin, "@" + arguments);
    var registered =
        SharedServer.api()
            .post(
                "/api/v1/mcp-servers",
                ADMIN,
                JSON,
                "{\"name\":\""
                    + server
                    + "\",\"transport\":\"stdio\",\"command\":"
                    + command
                    + ",\"env\":{\"FIXTURE_SECRET\":\"s3cr3t-"
                    + shortId()
                    + "\"},\"timeoutSeconds\":5}");
    assertEquals(201, registered.status(), registered.body());
    assertFalse(registered.body().contains("s3cr3t"), registered.body());
    var tools = SharedServer.api().get("/api/v1/mcp-servers/" + server + "/tools", viewer);
    assertEquals(200, tools.status(), tools.body());
    assertTrue(tools.body().contains("\"mcp_" + server + "_echo\""), tools.body());

    var echo = "e-" + shortId();
    create(
        echo,
        callThen("mcp_" + server + "_echo", "{\"text\":\"ping\"}"),
        "[\"mcp:" + server + "/echo\"]");
    var id = submit(echo, "{\"input\":\"echo\"}").json().getString("taskId");
    var task = awaitStatus(id, "completed");
    assertFalse(toolEnd(id).containsKey("error"), toolEnd(id).toString());
    assertEquals(List.of("echo: ping"), toolResults(task.getString("sessionId")));

    var pids = "p-" + shortId();
    create(pids, callThen("mcp_" + server + "_pid", "{}"), "[\"mcp:" + server + "/*\"]");
    var first = Long.parseLong(resultOf(pids));
    var process = ProcessHandle.of(first).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    var second = Long.parseLong(resultOf(pids));
    assertNotEquals(first, second, "a new process answers after the reconnect");
    assertTrue(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false));
  }

  /** Runs the agent once and returns the result of its one tool call. */
  private static String resultOf(String agent) throws Exception {
    var id = submit(agent, "{\"input\":\"which process?\"}").json().getString("taskId");
    var task = awaitStatus(id, "completed");
    assertFalse(toolEnd(id).containsKey("error"), toolEnd(id).toString());
    var results = toolResults(task.getString("sessionId"));
    assertEquals(1, results.size(), results.toString());
    return results.get(0);
  }

  private static McpSyncClient client(String token) {
    var transport =
        HttpClientStreamableHttpTransport.builder(base())
            .endpoint("/mcp")
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  if (token != null) {
                    request.setHeader("Authorization", "Bearer " + token);
                  }
                })
            .build();
    var client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(90))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    try {
      client.initialize();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return client;
  }

  private static String base() {
    try {
      return SharedServer.get().base();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  private static McpSchema.CallToolRequest call(String tool, Map<String, Object> arguments) {
    return new McpSchema.CallToolRequest(tool, arguments);
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static JsonObject json(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String callThen(String tool, String arguments) {
    return "[{\"toolCalls\":[{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}]},{\"text\":\"relayed\"}]";
  }

  private static void create(String name, String turns, String tools) throws Exception {
    var created =
        SharedServer.api()
            .post(
                "/api/v1/agents", ADMIN, JSON, agentJson(name, scriptedProvider(turns), tools, ""));
    assertEquals(201, created.status(), created.body());
  }

  private static JsonObject toolEnd(String taskId) throws Exception {
    return events(taskId, 0).stream()
        .map(e -> e.asJsonObject())
        .filter(e -> "tool.end".equals(e.getString("type")))
        .map(e -> e.getJsonObject("data"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool.end event"));
  }

  /** The contents of the session's tool results, in order. */
  private static List<String> toolResults(String sessionId) throws Exception {
    var messages =
        (JsonArray)
            SharedServer.api()
                .get("/api/v1/sessions/" + sessionId + "/messages", ADMIN)
                .structure();
    return messages.stream()
        .map(m -> m.asJsonObject())
        .filter(m -> "tool".equals(m.getString("role")))
        .map(m -> m.getString("content", ""))
        .toList();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString::getString);
  }

  private static String jsonArray(String... values) {
    var array = jakarta.json.Json.createArrayBuilder();
    for (var value : values) {
      array.add(value);
    }
    return array.build().toString();
  }

  private static String key(String role) throws Exception {
    var body = "{\"name\":\"mcp-" + role + "-" + shortId() + "\",\"role\":\"" + role + "\"}";
    var created = SharedServer.api().post("/api/v1/api-keys", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return created.json().getString("token");
  }
}
