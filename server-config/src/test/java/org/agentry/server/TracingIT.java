package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry traces on a server of its own (embedded defaults) exporting by OTLP/HTTP to an
 * in-process receiver: a task submitted with a W3C {@code traceparent} runs in that trace — the
 * submit's server span, the run's {@code invoke_agent} span, a {@code chat} span per model call
 * with the GenAI attributes, and an {@code execute_tool} span.
 */
class TracingIT {

  private static final String ADMIN = "tracing-admin-" + UUID.randomUUID();
  private static final String JSON = "application/json";

  private static TraceReceiver receiver;
  private static ServerProcess server;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    receiver = new TraceReceiver();
    var env =
        Map.of(
            "AGENTRY_ADMIN_TOKEN", ADMIN,
            "AGENTRY_AGENTS_DIR", "none",
            "OTEL_SDK_DISABLED", "false",
            "OTEL_SERVICE_NAME", "agentry-tracing-it",
            "OTEL_TRACES_EXPORTER", "otlp",
            "OTEL_METRICS_EXPORTER", "none",
            "OTEL_LOGS_EXPORTER", "none",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
            "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
            "OTEL_BSP_SCHEDULE_DELAY", "100");
    server = new ServerProcess(ServerProcess.workDirectory("tracing-it"), env).start();
    api = new Api(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aTaskRunsInTheTraceOfTheRequestThatSubmittedIt() throws Exception {
    var provider = "p-" + UUID.randomUUID().toString().substring(0, 8);
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],"
            + "\"promptTokens\":100,\"completionTokens\":10},"
            + "{\"text\":\"noon\",\"promptTokens\":200,\"completionTokens\":20}]";
    assertEquals(
        201,
        api.post(
                "/api/v1/providers",
                ADMIN,
                JSON,
                "{\"name\":\""
                    + provider
                    + "\",\"kind\":\"scripted\",\"scriptedTurns\":"
                    + turns
                    + "}")
            .status());
    var agent = "traced";
    assertEquals(
        201,
        api.post(
                "/api/v1/agents",
                ADMIN,
                JSON,
                AgentsIT.agentJson(agent, provider, "[\"current_time\"]", ""))
            .status());

    var traceId = HexFormat.of().formatHex(randomBytes(16));
    var callerSpan = HexFormat.of().formatHex(randomBytes(8));
    var submit =
        api.send(
            api.request("/api/v1/agents/" + agent + "/tasks", ADMIN)
                .header("Content-Type", JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"time?\"}")));
    assertEquals(202, submit.status(), submit.body());
    var taskId = submit.json().getString("taskId");
    awaitCompleted(taskId);

    var trace = awaitSpans(traceId, 5);
    var http =
        only(trace, s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER, "the submit's server span");
    assertEquals(callerSpan, hex(http.getParentSpanId()), "the submit continues the caller's");
    var run = only(trace, s -> s.getName().equals("invoke_agent " + agent), "the run's span");
    assertEquals(hex(http.getSpanId()), hex(run.getParentSpanId()), "the run follows the submit");
    assertEquals("invoke_agent", string(run, "gen_ai.operation.name"));
    assertEquals(agent, string(run, "gen_ai.agent.name"));
    assertEquals(taskId, string(run, "agentry.task.id"));

    var chats = trace.stream().filter(s -> s.getName().equals("chat scripted")).toList();
    assertEquals(2, chats.size(), "a span per model call: " + names(trace));
    for (var chat : chats) {
      assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, chat.getKind());
      assertEquals(hex(run.getSpanId()), hex(chat.getParentSpanId()));
      assertEquals("chat", string(chat, "gen_ai.operation.name"));
      assertEquals("scripted", string(chat, "gen_ai.provider.name"));
      assertEquals("scripted", string(chat, "gen_ai.request.model"));
      assertEquals(provider, string(chat, "agentry.provider"));
    }
    assertEquals(300, chats.stream().mapToLong(s -> integer(s, "gen_ai.usage.input_tokens")).sum());
    assertEquals(30, chats.stream().mapToLong(s -> integer(s, "gen_ai.usage.output_tokens")).sum());

    var tool = only(trace, s -> s.getName().equals("execute_tool current_time"), "the tool's");
    assertEquals(hex(run.getSpanId()), hex(tool.getParentSpanId()));
    assertEquals("current_time", string(tool, "gen_ai.tool.name"));
  }

  private static void awaitCompleted(String taskId) throws Exception {
    var deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      var status = api.get("/api/v1/tasks/" + taskId, ADMIN).json().getString("status");
      if (status.equals("completed")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the task did not complete");
  }

  private static List<Span> awaitSpans(String traceId, int atLeast) throws Exception {
    var deadline = Instant.now().plusSeconds(30);
    List<Span> trace = List.of();
    while (Instant.now().isBefore(deadline)) {
      trace = receiver.spans().stream().filter(s -> hex(s.getTraceId()).equals(traceId)).toList();
      if (trace.size() >= atLeast) {
        Thread.sleep(500); // the batch may still hold the last few
        return receiver.spans().stream().filter(s -> hex(s.getTraceId()).equals(traceId)).toList();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "spans of the trace: "
            + names(trace)
            + "; all received: "
            + names(receiver.spans())
            + "\n"
            + server.logTail());
  }

  private static Span only(List<Span> spans, java.util.function.Predicate<Span> test, String what) {
    var found = spans.stream().filter(test).toList();
    assertEquals(1, found.size(), what + " among " + names(spans));
    return found.get(0);
  }

  private static List<String> names(List<Span> spans) {
    return spans.stream().map(Span::getName).toList();
  }

  private static Optional<KeyValue> attribute(Span span, String key) {
    return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst();
  }

  private static String string(Span span, String key) {
    return attribute(span, key).map(a -> a.getValue().getStringValue()).orElse(null);
  }

  private static long integer(Span span, String key) {
    var value = attribute(span, key);
    assertTrue(value.isPresent(), key + " on " + span.getName());
    return value.get().getValue().getIntValue();
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static byte[] randomBytes(int n) {
    var bytes = new byte[n];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
