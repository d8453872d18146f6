package org.agentry.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tasks submit --wait}: it stops at a task parked waiting (exit 5, the question or the
 * approval printed), at {@code --timeout} (exit 6), and not at a wait already answered.
 */
class WaitTest {

  @TempDir Path home;
  WireMockServer server;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        post("/api/v1/agents/notes/tasks")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"taskId\":\"t1\",\"status\":\"queued\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    var env = Map.of("AGENTRY_URL", server.baseUrl(), "AGENTRY_TOKEN", "t");
    return AgentryCommand.run(args, env, home, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aTaskParkedForAnApprovalExitsWith5AndSaysHowToDecide() {
    stream(
        "id: 1\nevent: status\ndata: {\"status\":\"running\"}\n\n"
            + "id: 2\nevent: approval.requested\ndata: {\"approvalId\":\"ap1\","
            + "\"tool\":\"write_file\"}\n\n"
            + "id: 3\nevent: status\ndata: {\"status\":\"waiting\",\"reason\":\"approval\","
            + "\"question\":\"approval required: write_file\"}\n\n");
    task(
        "{\"taskId\":\"t1\",\"status\":\"waiting\",\"question\":\"approval required: write_file\"}");

    assertEquals(5, run("tasks", "submit", "notes", "x", "--wait"));

    var text = err.toString();
    assertTrue(text.contains("question: approval required: write_file"), text);
    assertTrue(text.contains("decide with: agentry approvals approve ap1"), text);
    assertTrue(text.contains("task t1 waiting: approval required: write_file"), text);
  }

  @Test
  void aTaskAskingAQuestionExitsWith5AndSaysHowToAnswer() {
    stream("id: 1\nevent: status\ndata: {\"status\":\"waiting\",\"question\":\"Which file?\"}\n\n");
    task("{\"taskId\":\"t1\",\"status\":\"waiting\",\"question\":\"Which file?\"}");

    assertEquals(5, run("tasks", "submit", "notes", "x", "--wait", "-o", "json"));

    assertTrue(err.toString().contains("answer with: agentry tasks respond t1"), err.toString());
    assertTrue(out.toString().contains("Which file?"), out.toString());
  }

  @Test
  void aWaitAlreadyAnsweredDoesNotStopTheWait() {
    stream(
        "id: 1\nevent: status\ndata: {\"status\":\"waiting\",\"question\":\"Which file?\"}\n\n"
            + "id: 2\nevent: status\ndata: {\"status\":\"running\"}\n\n"
            + "id: 3\nevent: status\ndata: {\"status\":\"completed\"}\n\n");
    task("{\"taskId\":\"t1\",\"status\":\"completed\",\"output\":\"done\"}");

    assertEquals(0, run("tasks", "submit", "notes", "x", "--wait"));

    assertEquals("done", out.toString().strip());
  }

  @Test
  void theTimeoutEndsTheWaitWithExitCode6() {
    server.stubFor(
        get("/api/v1/tasks/t1/stream")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        "id: 1\nevent: status\ndata: {\"status\":\"running\"}\n\n"
                            + "\n".repeat(50))
                    .withChunkedDribbleDelay(50, 20_000)));
    long started = System.nanoTime();

    assertEquals(6, run("tasks", "submit", "notes", "x", "--wait", "--timeout", "1s"));

    var took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, took.toString());
    assertTrue(err.toString().contains("task t1 still running after 1s"), err.toString());
  }

  @Test
  void aBadTimeoutOrOneWithoutWaitIsAUsageError() {
    assertEquals(2, run("tasks", "submit", "notes", "x", "--wait", "--timeout", "soon"));
    assertTrue(err.toString().contains("'soon' is no duration"), err.toString());
    assertEquals(2, run("tasks", "submit", "notes", "x", "--timeout", "5m"));
    assertTrue(err.toString().contains("--timeout needs --wait"), err.toString());
  }

  @Test
  void durationsTakeUnitsAndIso8601() {
    var converter = new DurationConverter();
    assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
    assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
    assertEquals(Duration.ofSeconds(90), converter.convert("90"));
    assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
    assertEquals(Duration.ofHours(2), converter.convert("2h"));
    assertEquals(Duration.ofSeconds(90), converter.convert("PT1M30S"));
  }

  private void stream(String body) {
    server.stubFor(
        get("/api/v1/tasks/t1/stream")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  private void task(String json) {
    server.stubFor(get("/api/v1/tasks/t1").willReturn(okJson(json)));
  }
}
