package org.agentry.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.agentry.client.model.AgentRequest;
import org.agentry.client.model.Budget;
import org.agentry.client.model.TaskRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a WireMock server: requests it sends, answers it reads, errors it maps. */
class AgentryClientTest {

  static final String TASK =
      """
      {"taskId":"t1","agent":"notes","status":"completed","priority":7,"tags":["a"],
       "input":"hi","output":"done","cancelRequested":false,"attempts":1,
       "usage":{"iterations":1,"promptTokens":10,"completionTokens":2,"costUsd":0.000012},
       "createdAt":"2026-01-31T09:00:00Z"}
      """;

  WireMockServer server;
  AgentryClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = AgentryClient.builder().baseUrl(server.baseUrl()).token("secret-token").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void readsATaskWithTheBearerToken() {
    server.stubFor(get("/api/v1/tasks/t1").willReturn(okJson(TASK)));

    var task = client.tasks().get("t1");

    assertEquals("done", task.output());
    assertEquals(7, task.priority());
    assertEquals(new BigDecimal("0.000012"), task.usage().costUsd());
    assertEquals(Instant.parse("2026-01-31T09:00:00Z"), task.createdAt());
    assertTrue(task.finished());
    server.verify(
        getRequestedFor(urlEqualTo("/api/v1/tasks/t1"))
            .withHeader("Authorization", equalTo("Bearer secret-token")));
  }

  @Test
  void submitsWithoutNullMembersAndWithTheIdempotencyKey() {
    server.stubFor(
        post("/api/v1/agents/notes/tasks")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"taskId\":\"t9\",\"status\":\"queued\"}")));

    var accepted =
        client.tasks().submit("notes", TaskRequest.of("hello").withPriority("high"), "key-1");

    assertEquals("t9", accepted.taskId());
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/agents/notes/tasks"))
            .withHeader("Idempotency-Key", equalTo("key-1"))
            .withRequestBody(equalToJson("{\"input\":\"hello\",\"priority\":\"high\"}")));
  }

  @Test
  void aNumericPriorityIsSentAsANumber() {
    assertEquals("7", TaskRequest.priority("7").toString());
    assertEquals("\"low\"", TaskRequest.priority("low").toString());
    assertNull(TaskRequest.priority(null));
  }

  @Test
  void updatesAnAgentWithItsVersionAsIfMatch() {
    server.stubFor(
        put("/api/v1/agents/notes")
            .willReturn(okJson("{\"name\":\"notes\",\"enabled\":true,\"version\":4}")));

    var agent = client.agents().update("notes", AgentRequest.of(null, "p", "demo", "m"), 3);

    assertEquals(4, agent.version());
    server.verify(
        putRequestedFor(urlEqualTo("/api/v1/agents/notes"))
            .withHeader("If-Match", equalTo("\"3\""))
            .withRequestBody(
                equalToJson("{\"systemPrompt\":\"p\",\"provider\":\"demo\",\"model\":\"m\"}")));
  }

  @Test
  void setsABudgetAndReadsScheduleRuns() {
    server.stubFor(
        put("/api/v1/agents/notes/budget")
            .willReturn(okJson("{\"dailyUsd\":0.5,\"monthlyTokens\":1000}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/schedules/s1/runs"))
            .withQueryParam("limit", equalTo("10"))
            .willReturn(
                okJson(
                    "[{\"id\":\"r1\",\"slot\":\"2026-01-31T09:00:00Z\",\"outcome\":\"failed\","
                        + "\"reason\":\"due\",\"slotCount\":1,"
                        + "\"error\":{\"code\":\"AGENT_PAUSED\",\"message\":\"m\"}}]")));

    var budget = client.agents().setBudget("notes", Budget.dailyUsd(new BigDecimal("0.5")));
    var runs = client.schedules().runs("s1", null, 10);

    assertEquals(new BigDecimal("0.5"), budget.dailyUsd());
    assertEquals(1000L, budget.monthlyTokens());
    assertNull(budget.dailyTokens());
    assertEquals("AGENT_PAUSED", runs.get(0).error().code());
    assertEquals(Instant.parse("2026-01-31T09:00:00Z"), runs.get(0).slot());
    server.verify(
        putRequestedFor(urlEqualTo("/api/v1/agents/notes/budget"))
            .withRequestBody(equalToJson("{\"dailyUsd\":0.5}")));
  }

  @Test
  void encodesPathSegments() {
    server.stubFor(
        get(urlEqualTo("/api/v1/agents/a%2Fb%20c"))
            .willReturn(okJson("{\"name\":\"a/b c\",\"version\":1}")));

    assertEquals("a/b c", client.agents().get("a/b c").name());
  }

  @Test
  void mapsAProblemToATypedException() {
    server.stubFor(
        get("/api/v1/agents/ghost")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"type":"urn:agentry:problem:agent-not-found","title":"Not found",
                         "status":404,"detail":"No agent 'ghost'.","code":"AGENT_NOT_FOUND"}
                        """)));

    var e = assertThrows(AgentryException.NotFound.class, () -> client.agents().get("ghost"));

    assertEquals(404, e.status());
    assertEquals("AGENT_NOT_FOUND", e.code());
    assertEquals("Not found", e.title());
    assertEquals("No agent 'ghost'.", e.detail());
    assertEquals(404, e.problem().getInt("status"));
  }

  @Test
  void keepsAProblemsExtensionMembersAndClassesByStatus() {
    server.stubFor(
        post("/api/v1/agents/typed/tasks")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":422,\"title\":\"Invalid\",\"code\":\"XML_INVALID\","
                            + "\"detail\":\"d\",\"line\":3,\"column\":16}")));
    server.stubFor(
        post("/api/v1/tasks/t1/cancel")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":409,\"code\":\"TASK_FINISHED\",\"title\":\"C\"}")));

    var invalid =
        assertThrows(
            AgentryException.InvalidRequest.class,
            () -> client.tasks().submit("typed", TaskRequest.of("x")));
    var conflict = assertThrows(AgentryException.Conflict.class, () -> client.tasks().cancel("t1"));

    assertEquals(3, invalid.problem().getInt("line"));
    assertEquals("TASK_FINISHED", conflict.code());
    assertNull(conflict.detail());
  }

  @Test
  void mapsAnErrorThatIsNoProblem() {
    server.stubFor(
        get("/api/v1/dispatch")
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Bad gateway</html>")));
    server.stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(401)));

    var gateway = assertThrows(AgentryException.class, () -> client.dispatch().state());
    var denied = assertThrows(AgentryException.AccessDenied.class, () -> client.me());

    assertEquals("HTTP_502", gateway.code());
    assertEquals("<html>Bad gateway</html>", gateway.detail());
    assertNull(gateway.problem());
    assertEquals("HTTP_401", denied.code());
  }

  @Test
  void aServerThatDoesNotAnswerIsAConnectionFailure() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var nowhere =
        AgentryClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .connectTimeout(Duration.ofSeconds(2))
            .build()) {
      var e = assertThrows(AgentryConnectionException.class, () -> nowhere.me());
      assertFalse(e instanceof RuntimeException && e.getMessage().isBlank());
      assertInstanceOf(jakarta.ws.rs.ProcessingException.class, e.getCause());
    }
  }

  @Test
  void aBaseUrlMustBeHttpWithAHost() {
    var builder = AgentryClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("localhost:8080"));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("ftp://host/"));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("http:///x"));
    assertThrows(IllegalStateException.class, builder::build);
  }

  @Test
  void readsTheDispatchStateAndTheCsvExport() {
    server.stubFor(
        get("/api/v1/dispatch")
            .willReturn(
                okJson("{\"paused\":false,\"queueDepth\":{\"7\":3},\"running\":{\"n1\":2}}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v1/usage/export"))
            .withQueryParam("format", equalTo("csv"))
            .withQueryParam("from", equalTo("2026-01-01T00:00:00Z"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/csv").withBody("id,createdAt\r\n")));

    var state = client.dispatch().state();
    var csv = client.usage().csv(Instant.parse("2026-01-01T00:00:00Z"), null);

    assertEquals(3L, state.queueDepth().get("7"));
    assertEquals(2L, state.running().get("n1"));
    assertEquals("id,createdAt\r\n", csv);
  }
}
