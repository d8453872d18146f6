package org.agentry.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.chat;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.ServerIT.assertProblem;
import static org.agentry.server.TasksIT.awaitStatus;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tool quotas, the run's hard deadline and the paged reads, on the shared server with its
 * default limits: tool output cut at 32 KiB on the wire to the model, at most 16 tool calls of one
 * response, {@code maxDuration} cutting a model call short, the {@code write_file} quota, and
 * paging of a task's context and a session's tool calls.
 */
class QuotasIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";

  private static ServerProcess server;
  private static Api api;
  private static WireMockServer stub;

  @BeforeAll
  static void start() throws Exception {
    server = SharedServer.get();
    api = SharedServer.api();
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
  }

  @AfterAll
  static void stop() {
    stub.stop();
  }

  @Test
  void toolOutputOver32KiBIsCutInWhatTheModelReceives() throws Exception {
    var model = "gpt-cut-" + shortId();
    stubReply(
        model, notContaining("call_r1"), toolCall(model, "call_r1", "read_file", path("big.txt")));
    stubReply(model, containing("call_r1"), text(model, "read it"));
    var agent = agentOn(openAi(), model, "[\"read_file\"]", "");
    var workspace = Files.createDirectories(server.dataDir.resolve("workspaces").resolve(agent));
    Files.writeString(workspace.resolve("big.txt"), "a".repeat(40 * 1024));

    var reply = chat(agent, "read big.txt", null);

    assertEquals("completed", reply.getString("stopReason"), reply.toString());
    var sent =
        stub.findAll(
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(containing("call_r1")))
            .get(0)
            .getBodyAsString();
    var messages = read(sent).getJsonArray("messages");
    var result = messages.getJsonObject(messages.size() - 1);
    assertEquals("tool", result.getString("role"));
    assertEquals(
        "a".repeat(32 * 1024) + "\n[output cut: 8192 of 40960 bytes dropped]",
        result.getString("content"));
  }

  @Test
  void ofTwentyToolCallsInOneResponseSixteenRunAndFourAreRefused() throws Exception {
    var calls = new ArrayList<String>();
    for (int i = 0; i < 20; i++) {
      calls.add("{\"name\":\"current_time\",\"arguments\":{}}");
    }
    var turns = "[{\"toolCalls\":[" + String.join(",", calls) + "]},{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");

    var reply = chat(agent, "twenty at once", null);

    assertEquals("completed", reply.getString("stopReason"), reply.toString());
    var toolCalls = reply.getJsonArray("toolCalls");
    assertEquals(20, toolCalls.size());
    var ran = toolCalls.stream().filter(c -> AgentsIT.absent(c.asJsonObject(), "error")).count();
    assertEquals(16, ran, toolCalls.toString());
    for (int i = 16; i < 20; i++) {
      assertEquals(
          "not run: at most 16 tool calls of one response are run",
          toolCalls.getJsonObject(i).getString("error"));
    }
    // every call has its result in the session, so the next model call is a valid transcript
    var messages =
        (JsonArray)
            api.get(
                    "/api/v1/sessions/" + reply.getString("sessionId") + "/messages?limit=200",
                    ADMIN)
                .structure();
    var results =
        messages.stream().filter(m -> "tool".equals(m.asJsonObject().getString("role"))).count();
    assertEquals(20, results);
  }

  @Test
  void memoryToolsWorkFromTheToolThreads() throws Exception {
    // tools run on the watchdog's pool threads: a tool that calls an EJB must still work there
    var turns =
        "[{\"toolCalls\":[{\"name\":\"memory_write\",\"arguments\":{\"key\":\"k\","
            + "\"content\":\"remembered\"}},{\"name\":\"memory_read\",\"arguments\":"
            + "{\"key\":\"k\"}}]},{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"memory_write\",\"memory_read\"]");

    var reply = chat(agent, "remember", null);

    var toolCalls = reply.getJsonArray("toolCalls");
    assertEquals(
        "stored under 'k'", toolCalls.getJsonObject(0).getString("result"), reply.toString());
    assertEquals("remembered", toolCalls.getJsonObject(1).getString("result"));
  }

  @Test
  void aSlowModelCallEndsTheChatAtMaxDuration() throws Exception {
    var provider = scriptedProvider("[{\"text\":\"too late\",\"delayMs\":15000}]");
    var name = "slow-" + shortId();
    var body = agentJson(name, provider, "[]", ",\"limits\":{\"maxDurationSeconds\":2}");
    assertEquals(201, api.post("/api/v1/agents", ADMIN, JSON, body).status());

    long start = System.nanoTime();
    var reply = chat(name, "take your time", null);
    var elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals("max_duration", reply.getString("stopReason"), reply.toString());
    assertTrue(reply.getString("error").contains("maxDuration of 2 s"), reply.toString());
    assertTrue(elapsed.toMillis() < 8_000, "answered after " + elapsed);
  }

  @Test
  void aSlowProviderOverHttpFailsTheTaskAtMaxDuration() throws Exception {
    var model = "gpt-slow-" + shortId();
    stub.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody(text(model, "too late"))
                    .withFixedDelay(20_000)));
    var agent = agentOn(openAi(), model, "[]", "");

    long start = System.nanoTime();
    var accepted = submit(agent, "{\"input\":\"hurry\",\"maxDurationSeconds\":2}");
    assertEquals(202, accepted.status(), accepted.body());
    var task = awaitStatus(accepted.json().getString("taskId"), "failed");
    var elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals("max_duration", task.getString("stopReason"));
    assertEquals("MAX_DURATION", task.getJsonObject("error").getString("code"));
    assertTrue(
        task.getJsonObject("error").getString("message").contains("maxDuration of 2 s"),
        task.toString());
    assertTrue(elapsed.toMillis() < 12_000, "failed after " + elapsed);
  }

  @Test
  void writeFileOverItsQuotaIsAToolErrorAndTheRunGoesOn() throws Exception {
    var model = "gpt-quota-" + shortId();
    var content = "b".repeat(1024 * 1024 + 1);
    var arguments =
        Json.createObjectBuilder().add("path", "huge.txt").add("content", content).build();
    stubReply(
        model,
        notContaining("call_w1"),
        toolCall(model, "call_w1", "write_file", arguments.toString()));
    stubReply(model, containing("call_w1"), text(model, "could not write"));
    var agent = agentOn(openAi(), model, "[\"write_file\"]", "");

    var reply = chat(agent, "write a lot", null);

    assertEquals("completed", reply.getString("stopReason"), reply.toString());
    var call = reply.getJsonArray("toolCalls").getJsonObject(0);
    assertEquals(
        "the content is 1048577 bytes; a file may have at most 1048576 bytes",
        call.getString("error"));
    assertFalse(
        Files.exists(server.dataDir.resolve("workspaces").resolve(agent).resolve("huge.txt")));
  }

  @Test
  void aTasksContextIsReadInPages() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}},"
            + "{\"name\":\"current_time\",\"arguments\":{}}]},{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");
    var id = submit(agent, "{\"input\":\"what time\"}").json().getString("taskId");
    awaitStatus(id, "completed");
    var path = "/api/v1/tasks/" + id + "/context";

    var first = api.get(path + "?limit=2", ADMIN).json();
    assertEquals(List.of("user", "assistant"), roles(first.getJsonArray("messages")));
    var after = first.getJsonNumber("nextAfter").longValue();
    var second = api.get(path + "?limit=2&after=" + after, ADMIN).json();
    assertEquals(List.of("tool", "tool"), roles(second.getJsonArray("messages")));
    var third = api.get(path + "?limit=2&after=" + second.getJsonNumber("nextAfter"), ADMIN).json();
    assertTrue(third.getJsonArray("messages").isEmpty());
    assertTrue(AgentsIT.absent(third, "nextAfter"));
    assertEquals("You help.", third.getString("systemPrompt"));

    assertProblem(api.get(path + "?limit=201", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get(path + "?after=-1", ADMIN), 400, "VALIDATION_FAILED");
  }

  @Test
  void aSessionsToolCallsAreReadInPages() throws Exception {
    var call = "{\"name\":\"current_time\",\"arguments\":{}}";
    var turns = "[{\"toolCalls\":[" + call + "," + call + "," + call + "]},{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");
    var sessionId = chat(agent, "three times", null).getString("sessionId");
    var path = "/api/v1/sessions/" + sessionId;

    var first = api.get(path + "?limit=2", ADMIN).json();
    assertEquals(2, first.getJsonArray("toolCalls").size());
    assertEquals(2, first.getJsonObject("usage").getInt("calls"));
    var second = api.get(path + "?limit=2&cursor=" + first.getString("nextCursor"), ADMIN).json();
    assertEquals(1, second.getJsonArray("toolCalls").size());
    assertTrue(AgentsIT.absent(second, "nextCursor"));
    var ids = new ArrayList<String>();
    first.getJsonArray("toolCalls").forEach(c -> ids.add(c.asJsonObject().getString("id")));
    ids.add(second.getJsonArray("toolCalls").getJsonObject(0).getString("id"));
    assertEquals(3, ids.stream().distinct().count(), ids.toString());

    assertProblem(api.get(path + "?cursor=not-ours", ADMIN), 400, "VALIDATION_FAILED");
    assertProblem(api.get(path + "?limit=0", ADMIN), 400, "VALIDATION_FAILED");
  }

  private static List<String> roles(JsonArray messages) {
    return messages.stream().map(m -> m.asJsonObject().getString("role")).toList();
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String path(String file) {
    return Json.createObjectBuilder().add("path", file).build().toString();
  }

  private static String openAi() throws Exception {
    var name = "openai-q-" + shortId();
    var body =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"openai\",\"baseUrl\":\""
            + stub.baseUrl()
            + "/v1\",\"apiKey\":\"sk-stub\",\"maxRetries\":0,\"timeoutMs\":60000}";
    var created = api.post("/api/v1/providers", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static String agentOn(String provider, String model, String tools, String extra)
      throws Exception {
    var name = "q-" + shortId();
    var body =
        agentJson(name, provider, tools, extra)
            .replace("\"model\":\"scripted\"", "\"model\":\"" + model + "\"");
    var created = api.post("/api/v1/agents", ADMIN, JSON, body);
    assertEquals(201, created.status(), created.body());
    return name;
  }

  private static void stubReply(
      String model,
      com.github.tomakehurst.wiremock.matching.StringValuePattern body,
      String reply) {
    stub.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing(model))
            .withRequestBody(body)
            .willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(reply)));
  }

  private static String toolCall(String model, String id, String tool, String arguments) {
    var call =
        Json.createObjectBuilder()
            .add("id", id)
            .add("type", "function")
            .add(
                "function",
                Json.createObjectBuilder().add("name", tool).add("arguments", arguments));
    var message =
        Json.createObjectBuilder()
            .add("role", "assistant")
            .addNull("content")
            .add("tool_calls", Json.createArrayBuilder().add(call));
    return completion(model, message, "tool_calls");
  }

  private static String text(String model, String text) {
    var message = Json.createObjectBuilder().add("role", "assistant").add("content", text);
    return completion(model, message, "stop");
  }

  private static String completion(
      String model, jakarta.json.JsonObjectBuilder message, String finishReason) {
    return Json.createObjectBuilder()
        .add("id", "chatcmpl-" + shortId())
        .add("object", "chat.completion")
        .add("created", 1)
        .add("model", model)
        .add(
            "choices",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", message)
                        .add("finish_reason", finishReason)))
        .add(
            "usage",
            Json.createObjectBuilder()
                .add("prompt_tokens", 10)
                .add("completion_tokens", 5)
                .add("total_tokens", 15))
        .build()
        .toString();
  }
}
