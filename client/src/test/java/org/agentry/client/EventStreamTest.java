package org.agentry.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentry.client.model.TaskEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following a task's server-sent events: parsing, resuming with Last-Event-ID, errors. */
class EventStreamTest {

  static final String PATH = "/api/v1/tasks/t1/stream";

  WireMockServer server;
  AgentryClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = AgentryClient.builder().baseUrl(server.baseUrl()).token("t").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void deliversTypedEventsUntilTheTerminalOneAndResumesAfterABreak() {
    // the first connection breaks after two events; the second resumes after id 2
    stream(
        absent(),
        ": keepalive\n\n"
            + "id: 1\nevent: status\ndata: {\"status\":\"queued\",\"priority\":4}\n\n"
            + "id: 2\nevent: model.response\ndata: {\"iteration\":1,\n"
            + "data: \"promptTokens\":100}\n\n");
    stream(
        equalTo("2"),
        "id: 3\nevent: status\ndata: {\"status\":\"completed\"}\n\n"
            + "id: 4\nevent: message\ndata: {\"role\":\"assistant\"}\n\n");
    var seen = new ArrayList<TaskEvent>();

    var end = client.tasks().follow("t1", 0, seen::add);

    assertEquals(List.of(1L, 2L, 3L), seen.stream().map(TaskEvent::id).toList());
    assertEquals("queued", seen.get(0).status());
    assertEquals(4, seen.get(0).number("priority"));
    assertEquals(100, seen.get(1).number("promptTokens"));
    assertEquals("t1", seen.get(1).taskId());
    assertEquals("completed", end.status());
    server.verify(
        getRequestedFor(urlEqualTo(PATH)).withHeader("Accept", equalTo("text/event-stream")));
  }

  @Test
  void aConnectionFailureAfterTheFirstConnectionIsRetried() {
    stream(absent(), "id: 1\nevent: status\ndata: {\"status\":\"running\"}\n\n");
    server.stubFor(
        get(PATH)
            .inScenario("restart")
            .whenScenarioStateIs(Scenario.STARTED)
            .withHeader("Last-Event-ID", equalTo("1"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("up"));
    server.stubFor(
        get(PATH)
            .inScenario("restart")
            .whenScenarioStateIs("up")
            .withHeader("Last-Event-ID", equalTo("1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("id: 2\nevent: status\ndata: {\"status\":\"completed\"}\n\n")));
    var seen = new ArrayList<TaskEvent>();

    var end = client.tasks().follow("t1", 0, seen::add);

    assertEquals("completed", end.status());
    assertEquals(List.of(1L, 2L), seen.stream().map(TaskEvent::id).toList());
    server.verify(3, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void anUnknownTaskIsAProblem() {
    server.stubFor(
        get(PATH)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"code\":\"TASK_NOT_FOUND\",\"title\":\"N\"}")));

    var e =
        assertThrows(
            AgentryException.NotFound.class, () -> client.tasks().follow("t1", 0, x -> {}));

    assertEquals("TASK_NOT_FOUND", e.code());
  }

  @Test
  void aStreamThatKeepsEndingWithoutNewsGivesUp() {
    stream(absent(), "id: 5\nevent: status\ndata: {\"status\":\"running\"}\n\n");
    stream(equalTo("5"), ": keepalive\n\n");
    server.stubFor(
        get("/api/v1/tasks/t1").willReturn(okJson("{\"taskId\":\"t1\",\"status\":\"running\"}")));

    assertThrows(
        AgentryConnectionException.class, () -> client.tasks().follow("t1", 0, event -> {}));
    server.verify(TaskEventStream.MAX_QUIET_RECONNECTS + 2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aStreamAfterTheTaskEndedEndsWithItsStatus() {
    stream(equalTo("40"), ": keepalive\n\n");
    server.stubFor(
        get("/api/v1/tasks/t1")
            .willReturn(
                okJson(
                    "{\"taskId\":\"t1\",\"agent\":\"notes\",\"status\":\"cancelled\","
                        + "\"finishedAt\":\"2026-01-31T09:00:00Z\"}")));
    var seen = new ArrayList<TaskEvent>();

    var end = client.tasks().follow("t1", 40, seen::add);

    assertEquals("cancelled", end.status());
    assertEquals(40, end.id());
    assertEquals(List.of(), seen);
    server.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void subscribeCompletesWithTheTerminalEvent() throws Exception {
    stream(absent(), "id: 9\nevent: status\ndata: {\"status\":\"failed\",\"error\":\"X\"}\n\n");
    var seen = new ArrayList<TaskEvent>();

    var end = client.tasks().subscribe("t1", seen::add).get(10, TimeUnit.SECONDS);

    assertEquals("failed", end.status());
    assertEquals("X", end.text("error"));
    assertEquals(1, seen.size());
  }

  private void stream(
      com.github.tomakehurst.wiremock.matching.StringValuePattern lastEventId, String body) {
    server.stubFor(
        get(PATH)
            .withHeader("Last-Event-ID", lastEventId)
            .willReturn(
                aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
  }
}
