package org.agentry.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI run in-process against a WireMock server: output, exit codes, where settings come from.
 */
class AgentryCommandTest {

  @TempDir Path home;
  WireMockServer server;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  int run(Map<String, String> env, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return AgentryCommand.run(args, env, home, new PrintWriter(out), new PrintWriter(err));
  }

  int run(String... args) {
    return run(Map.of("AGENTRY_URL", server.baseUrl(), "AGENTRY_TOKEN", "env-token"), args);
  }

  @Test
  void listsAgentsAsATableOrAsJson() {
    server.stubFor(
        get("/api/v1/agents")
            .willReturn(
                okJson(
                    "[{\"name\":\"notes\",\"provider\":\"demo\",\"model\":\"m1\","
                        + "\"enabled\":true,\"paused\":false,\"version\":3}]")));

    assertEquals(0, run("agents", "list"));
    var table = out.toString().lines().toList();
    assertEquals("NAME   PROVIDER  MODEL  ENABLED  PAUSED  VERSION", table.get(0));
    assertEquals("notes  demo      m1     true     false   3", table.get(1));

    assertEquals(0, run("agents", "list", "--output", "json"));
    var json = Json.createReader(new StringReader(out.toString())).readArray();
    assertEquals("m1", json.getJsonObject(0).getString("model"));
  }

  @Test
  void anErrorAnswerExitsWith1AndPrintsTheProblemsCode() {
    server.stubFor(
        get("/api/v1/tasks/nope")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":404,\"code\":\"TASK_NOT_FOUND\",\"title\":\"Not found\","
                            + "\"detail\":\"No task 'nope'.\"}")));

    assertEquals(1, run("tasks", "get", "nope"));
    assertEquals("error: TASK_NOT_FOUND (404): No task 'nope'.", err.toString().strip());
    assertEquals("", out.toString());
  }

  @Test
  void usageErrorsExitWith2() throws Exception {
    assertEquals(2, run("tasks", "list", "--bogus"));
    assertEquals(2, run("agents"));
    assertEquals(2, run("usage", "--from", "yesterday"));
    assertEquals(2, run(Map.of("AGENTRY_URL", "localhost:8080"), "me"));
    assertTrue(err.toString().contains("Not a URL"), err.toString());
    var file = Files.writeString(home.resolve("agent.json"), "{\"name\":\"a\",\"colour\":\"red\"}");
    assertEquals(2, run("agents", "create", "-f", file.toString()));
    assertTrue(err.toString().contains("is not an agent's JSON"), err.toString());
    assertEquals(2, run("agents", "create", "-f", home.resolve("missing.json").toString()));
    server.verify(0, postRequestedFor(urlEqualTo("/api/v1/agents")));
  }

  @Test
  void anUnreachableServerExitsWith3() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertEquals(3, run(Map.of(), "--url", "http://127.0.0.1:" + port, "tasks", "list"));
    assertTrue(err.toString().startsWith("error: Cannot reach the server"), err.toString());
  }

  @Test
  void createsAnAgentFromAFile() throws Exception {
    server.stubFor(
        post("/api/v1/agents")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"name\":\"a\",\"version\":0,\"enabled\":true}")));
    var file =
        Files.writeString(
            home.resolve("agent.json"),
            "{\"name\":\"a\",\"provider\":\"p\",\"model\":\"m\",\"limits\":{\"maxIterations\":3}}");

    assertEquals(0, run("agents", "create", "-f", file.toString()));

    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/agents"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"a\",\"provider\":\"p\",\"model\":\"m\","
                        + "\"limits\":{\"maxIterations\":3}}")));
    assertTrue(out.toString().contains("version"), out.toString());
  }

  @Test
  void submitAndWaitFollowsTheEventsAndPrintsTheOutput() {
    submitted("completed");
    server.stubFor(
        get("/api/v1/tasks/t1")
            .willReturn(okJson("{\"taskId\":\"t1\",\"status\":\"completed\",\"output\":\"42\"}")));

    assertEquals(0, run("tasks", "submit", "notes", "the answer?", "--priority", "high", "--wait"));

    assertEquals("42", out.toString().strip());
    assertTrue(
        err.toString().contains("t1 completed · 1 model call · 110 tokens · $0.0005"),
        err.toString());
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/agents/notes/tasks"))
            .withRequestBody(equalToJson("{\"input\":\"the answer?\",\"priority\":\"high\"}")));
  }

  @Test
  void aTaskThatFailsWhileWaitedForExitsWith4() {
    submitted("failed");
    server.stubFor(
        get("/api/v1/tasks/t1")
            .willReturn(
                okJson(
                    "{\"taskId\":\"t1\",\"status\":\"failed\","
                        + "\"error\":{\"code\":\"PROVIDER_ERROR\",\"message\":\"boom\"}}")));

    assertEquals(4, run("tasks", "submit", "notes", "x", "--wait"));

    assertTrue(err.toString().contains("task t1 failed: PROVIDER_ERROR boom"), err.toString());
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws Exception {
    server.stubFor(get("/api/v1/schedules").willReturn(okJson("[]")));
    var config = Files.createDirectories(home.resolve(".agentry")).resolve("config.properties");
    Files.writeString(config, "url=" + server.baseUrl() + "\ntoken=file-token\n");

    assertEquals(0, run(Map.of(), "schedules", "list"));
    assertEquals(0, run(Map.of("AGENTRY_TOKEN", "env-token"), "schedules", "list"));
    assertEquals(
        0, run(Map.of("AGENTRY_TOKEN", "env-token"), "schedules", "list", "--token", "flag-token"));
    assertEquals(
        3, run(Map.of("AGENTRY_URL", "http://127.0.0.1:1"), "schedules", "list", "--token", "x"));

    for (var token : new String[] {"file-token", "env-token", "flag-token"}) {
      server.verify(
          1,
          getRequestedFor(urlEqualTo("/api/v1/schedules"))
              .withHeader("Authorization", equalTo("Bearer " + token)));
    }
  }

  @Test
  void followsEventsAsJsonLines() {
    sse("id: 7\nevent: status\ndata: {\"status\":\"completed\"}\n\n");

    assertEquals(0, run("tasks", "events", "t1", "--follow", "-o", "json"));

    var line = Json.createReader(new StringReader(out.toString())).readObject();
    assertEquals(7, line.getInt("id"));
    assertEquals("completed", line.getJsonObject("data").getString("status"));
  }

  @Test
  void usageTakesADayOrAnInstantAndPrintsTotalsOrCsv() {
    server.stubFor(
        get(urlPathEqualTo("/api/v1/usage"))
            .withQueryParam("from", equalTo("2026-01-01T00:00:00Z"))
            .withQueryParam("to", equalTo("2026-01-31T09:00:00Z"))
            .willReturn(
                okJson(
                    "{\"totals\":"
                        + TOTALS
                        + ",\"byAgent\":[{\"key\":\"notes\",\"totals\":"
                        + TOTALS
                        + "}],\"byModel\":[],\"byDay\":[]}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/usage/export"))
            .withQueryParam("format", equalTo("csv"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/csv")
                    .withBody("id,createdAt\r\n1,2026-01-01T00:00:00Z\r\n")));

    assertEquals(0, run("usage", "--from", "2026-01-01", "--to", "2026-01-31T09:00:00Z"));
    var lines = out.toString().lines().toList();
    assertEquals("GROUP  KEY    REQUESTS  PROMPT  COMPLETION  USD", lines.get(0));
    assertEquals("agent  notes  2         30      5           0.000040", lines.get(2));

    assertEquals(0, run("usage", "--csv"));
    assertEquals("id,createdAt\r\n1,2026-01-01T00:00:00Z\r\n", out.toString());
  }

  @Test
  void schedulesRunNow() {
    server.stubFor(
        post("/api/v1/schedules/s1/run-now")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"taskId\":\"t7\",\"status\":\"queued\"}")));

    assertEquals(0, run("schedules", "run-now", "s1"));

    assertEquals(List.of("taskId  t7", "status  queued"), out.toString().lines().toList());
  }

  @Test
  void chatPrintsTheReplyAndGoesOnInASession() {
    server.stubFor(
        post("/api/v1/agents/notes/chat")
            .willReturn(
                okJson(
                    "{\"sessionId\":\"s9\",\"reply\":\"hello\",\"stopReason\":\"completed\","
                        + "\"iterations\":1,\"toolCalls\":[]}")));

    assertEquals(0, run("agents", "chat", "notes", "hi", "--session", "s8"));

    assertEquals("hello", out.toString().strip());
    assertTrue(err.toString().contains("session s9 · completed"), err.toString());
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/agents/notes/chat"))
            .withRequestBody(equalToJson("{\"message\":\"hi\",\"sessionId\":\"s8\"}")));
  }

  static final String TOTALS =
      "{\"requests\":2,\"promptTokens\":30,\"completionTokens\":5,\"totalTokens\":35,"
          + "\"costUsd\":0.000040,\"averageLatencyMs\":3}";

  private void submitted(String end) {
    server.stubFor(
        post("/api/v1/agents/notes/tasks")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"taskId\":\"t1\",\"status\":\"queued\"}")));
    sse(
        "id: 1\nevent: status\ndata: {\"status\":\"running\"}\n\n"
            + "id: 2\nevent: tool.start\ndata: {\"name\":\"write_file\"}\n\n"
            + "id: 3\nevent: model.response\ndata: {\"promptTokens\":100,\"completionTokens\":10,"
            + "\"costUsd\":0.0005}\n\n"
            + "id: 4\nevent: status\ndata: {\"status\":\""
            + end
            + "\"}\n\n");
  }

  private void sse(String body) {
    server.stubFor(
        get("/api/v1/tasks/t1/stream")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
  }
}
