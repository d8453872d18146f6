package org.agentry.server;

import static org.agentry.server.AgentsIT.agent;
import static org.agentry.server.AgentsIT.agentJson;
import static org.agentry.server.AgentsIT.chatReply;
import static org.agentry.server.AgentsIT.scriptedProvider;
import static org.agentry.server.AgentsIT.shortId;
import static org.agentry.server.TasksIT.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks that stop and go on again on the shared server: resumed after {@code ask_user} answers,
 * re-queued after retriable provider failures, cancelled while waiting. Each must leave its session
 * fit for the next model call, and only real retries may count as attempts. Where a provider must
 * fail or validate the history, an OpenAI-compatible stub on 127.0.0.1 stands in for it.
 */
class ResumeIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> ENDED = List.of("completed", "failed", "cancelled");

  private static Api api;
  private static OpenAiStub stub;

  @BeforeAll
  static void start() throws Exception {
    api = SharedServer.api();
    stub = OpenAiStub.start();
  }

  @AfterAll
  static void stop() {
    if (stub != null) {
      stub.stop();
    }
  }

  @Test
  void taskThatAsksTwiceCompletesAndItsSessionTakesAChat() throws Exception {
    var turns =
        "["
            + askTurn("Which file?")
            + ","
            + askTurn("Under which heading?")
            + ",{\"text\":\"Filed under Ideas.\"},{\"text\":\"Still here.\"}]";
    var agent = agent(scriptedProvider(turns), "[\"ask_user\"]");
    var id = submit(agent, "{\"input\":\"file my idea\"}").json().getString("taskId");

    answer(id, "Which file?", "ideas.md");
    answer(id, "Under which heading?", "Ideas");
    var task = awaitState(id, "completed");
    assertEquals("Filed under Ideas.", task.getString("output"));

    var sessionId = task.getString("sessionId");
    var chat = chatReply(agent, "Are you still there?", sessionId);
    assertEquals(200, chat.status(), chat.body());
    assertEquals("Still here.", chat.json().getString("reply"));
    assertEveryUserMessageHasText(sessionId);
  }

  @Test
  void twoRetriableFailuresInARowThenSuccessLeaveTheSessionUsable() throws Exception {
    var model = "m-" + shortId();
    stub.script(
        model,
        OpenAiStub.unavailable(),
        OpenAiStub.unavailable(),
        OpenAiStub.text("Recovered."),
        OpenAiStub.text("Hello again."));
    var agent = stubAgent(model, "[]");
    var id = submit(agent, "{\"input\":\"say something\"}").json().getString("taskId");

    var task = awaitState(id, "completed");
    assertEquals("Recovered.", task.getString("output"));
    assertEquals(List.of(503, 503, 200), stub.statuses(model), "one model call per run");

    var sessionId = task.getString("sessionId");
    var chat = chatReply(agent, "Hello?", sessionId);
    assertEquals(200, chat.status(), chat.body());
    assertEquals("Hello again.", chat.json().getString("reply"));
    assertEveryUserMessageHasText(sessionId);
  }

  @Test
  void cancelWhileWaitingOnAskUserLeavesNoUnansweredToolCall() throws Exception {
    var model = "m-" + shortId();
    stub.script(
        model, OpenAiStub.askUser("call_ask_1", "Which file?"), OpenAiStub.text("Starting over."));
    var agent = stubAgent(model, "[\"ask_user\"]");
    var first = submit(agent, "{\"input\":\"tidy up\"}").json().getString("taskId");
    awaitState(first, "waiting");
    var cancelled = api.post("/api/v1/tasks/" + first + "/cancel", ADMIN, JSON, "");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));
    var sessionId = api.get("/api/v1/tasks/" + first, ADMIN).json().getString("sessionId");

    var body =
        Json.createObjectBuilder()
            .add("input", "Never mind, start over.")
            .add("sessionId", sessionId)
            .build();
    var second = submit(agent, body.toString()).json().getString("taskId");

    var task = awaitState(second, "completed");
    assertEquals("Starting over.", task.getString("output"));
    var requests = stub.requests(model);
    assertEquals(2, requests.size());
    for (var request : requests) {
      assertEquals(List.of(), request.unansweredToolCalls(), "every tool call has a result");
    }
    assertTrue(requests.get(1).answers("call_ask_1"), "the interrupted call gets a tool result");
  }

  @Test
  void askUserResumesDoNotUseUpAttempts() throws Exception {
    var model = "m-" + shortId();
    stub.script(
        model,
        OpenAiStub.askUser("call_q1", "First?"),
        OpenAiStub.askUser("call_q2", "Second?"),
        OpenAiStub.askUser("call_q3", "Third?"),
        OpenAiStub.unavailable(),
        OpenAiStub.text("All answered."));
    var agent = stubAgent(model, "[\"ask_user\"]");
    var id = submit(agent, "{\"input\":\"ask me three things\"}").json().getString("taskId");

    answer(id, "First?", "one");
    answer(id, "Second?", "two");
    answer(id, "Third?", "three");
    var task = awaitState(id, "completed");

    assertEquals("All answered.", task.getString("output"));
    assertEquals(List.of(200, 200, 200, 503, 200), stub.statuses(model));
    assertEquals(2, task.getInt("attempts"), "the first claim and the retry after the 503");
  }

  /** A scripted turn that calls {@code ask_user} with the question. */
  private static String askTurn(String question) {
    var arguments = Json.createObjectBuilder().add("question", question);
    var call = Json.createObjectBuilder().add("name", "ask_user").add("arguments", arguments);
    return Json.createObjectBuilder()
        .add("toolCalls", Json.createArrayBuilder().add(call))
        .build()
        .toString();
  }

  /** Waits for the task to ask the question, then answers it. */
  private static void answer(String id, String question, String message) throws Exception {
    var waiting = awaitState(id, "waiting");
    assertEquals(question, waiting.getString("question"));
    var body = Json.createObjectBuilder().add("message", message).build().toString();
    var answered = api.post("/api/v1/tasks/" + id + "/respond", ADMIN, JSON, body);
    assertEquals(200, answered.status(), answered.body());
  }

  /**
   * Polls the task until it is in the status or has ended, for at most {@link #PATIENCE}, and
   * asserts the status: a task that ends otherwise fails the test at once, with its error.
   */
  private static JsonObject awaitState(String id, String status) throws Exception {
    var deadline = Instant.now().plus(PATIENCE);
    var task = api.get("/api/v1/tasks/" + id, ADMIN).json();
    while (!status.equals(task.getString("status"))
        && !ENDED.contains(task.getString("status"))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      task = api.get("/api/v1/tasks/" + id, ADMIN).json();
    }
    assertEquals(status, task.getString("status"), "task " + id + ": " + task);
    return task;
  }

  /** A user message without text cannot be sent to a model again. */
  private static void assertEveryUserMessageHasText(String sessionId) throws Exception {
    var messages =
        (JsonArray) api.get("/api/v1/sessions/" + sessionId + "/messages", ADMIN).structure();
    for (var value : messages) {
      var message = value.asJsonObject();
      if ("user".equals(message.getString("role"))) {
        assertFalse(message.getString("content", "").isBlank(), "user message " + message);
      }
    }
  }

  /** An agent whose {@code openai} provider is the stub, without retries inside a call. */
  private static String stubAgent(String model, String tools) throws Exception {
    var provider = "stub-" + shortId();
    var body =
        Json.createObjectBuilder()
            .add("name", provider)
            .add("kind", "openai")
            .add("baseUrl", stub.baseUrl())
            .add("apiKey", "sk-stub")
            .add("maxRetries", 0)
            .add("timeoutMs", 10000)
            .build();
    var created = api.post("/api/v1/providers", ADMIN, JSON, body.toString());
    assertEquals(201, created.status(), created.body());
    var name = "a-" + shortId();
    var agent =
        agentJson(name, provider, tools, "")
            .replace("\"model\":\"scripted\"", "\"model\":\"" + model + "\"");
    var made = api.post("/api/v1/agents", ADMIN, JSON, agent);
    assertEquals(201, made.status(), made.body());
    return name;
  }

  /**
   * An OpenAI-compatible Chat Completions endpoint: for each model it plays its script of answers
   * in order, and, like OpenAI, it answers 400 to a request whose messages hold an assistant tool
   * call that no later {@code tool} message answers (such a request uses no answer of the script).
   */
  static final class OpenAiStub {

    /** An answer: HTTP status and body. */
    record Answer(int status, String body) {}

    /** A request the stub got and the status it answered. */
    record Seen(JsonObject request, int status) {

      /** Ids of the assistant tool calls that no later {@code tool} message answers. */
      List<String> unansweredToolCalls() {
        return OpenAiStub.unansweredToolCalls(request);
      }

      /** Whether a {@code tool} message answers the call. */
      boolean answers(String callId) {
        return request.getJsonArray("messages").stream()
            .anyMatch(m -> isResultOf(m.asJsonObject(), callId));
      }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> seen = new ConcurrentHashMap<>();

    private OpenAiStub(HttpServer server) {
      this.server = server;
    }

    /** Ids of the request's assistant tool calls that no later {@code tool} message answers. */
    static List<String> unansweredToolCalls(JsonObject request) {
      var messages = request.getJsonArray("messages");
      var open = new ArrayList<String>();
      for (int i = 0; i < messages.size(); i++) {
        var message = messages.getJsonObject(i);
        if (!"assistant".equals(message.getString("role", ""))
            || !(message.get("tool_calls") instanceof JsonArray calls)) {
          continue;
        }
        var later = messages.subList(i + 1, messages.size());
        for (var call : calls) {
          var id = call.asJsonObject().getString("id");
          if (later.stream().noneMatch(m -> isResultOf(m.asJsonObject(), id))) {
            open.add(id);
          }
        }
      }
      return open;
    }

    private static boolean isResultOf(JsonObject message, String callId) {
      return "tool".equals(message.getString("role", ""))
          && callId.equals(message.getString("tool_call_id", null));
    }

    static OpenAiStub start() throws IOException {
      var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      var stub = new OpenAiStub(HttpServer.create(address, 0));
      stub.server.createContext("/v1/chat/completions", stub::complete);
      stub.server.start();
      return stub;
    }

    void stop() {
      server.stop(0);
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The answers for the model's requests, in order. */
    void script(String model, Answer... answers) {
      scripts.put(model, new ConcurrentLinkedDeque<>(Arrays.asList(answers)));
    }

    /** The requests for the model so far, in order. */
    List<Seen> requests(String model) {
      return List.copyOf(seen.getOrDefault(model, List.of()));
    }

    /** The statuses answered to the model's requests so far, in order. */
    List<Integer> statuses(String model) {
      return requests(model).stream().map(Seen::status).toList();
    }

    static Answer text(String text) {
      return completion(
          Json.createObjectBuilder().add("role", "assistant").add("content", text), "stop");
    }

    static Answer askUser(String callId, String question) {
      var arguments = Json.createObjectBuilder().add("question", question).build().toString();
      var function = Json.createObjectBuilder().add("name", "ask_user").add("arguments", arguments);
      var call =
          Json.createObjectBuilder()
              .add("id", callId)
              .add("type", "function")
              .add("function", function);
      var message =
          Json.createObjectBuilder()
              .add("role", "assistant")
              .addNull("content")
              .add("tool_calls", Json.createArrayBuilder().add(call));
      return completion(message, "tool_calls");
    }

    /** A retriable failure, as an overloaded provider answers. */
    static Answer unavailable() {
      return error(503, "server_error", "The server is overloaded. Please try again later.");
    }

    private static Answer completion(JsonObjectBuilder message, String finishReason) {
      var choice =
          Json.createObjectBuilder()
              .add("index", 0)
              .add("message", message)
              .add("finish_reason", finishReason);
      var usage =
          Json.createObjectBuilder()
              .add("prompt_tokens", 10)
              .add("completion_tokens", 2)
              .add("total_tokens", 12);
      var body =
          Json.createObjectBuilder()
              .add("id", "chatcmpl-stub")
              .add("object", "chat.completion")
              .add("created", 1)
              .add("model", "stub")
              .add("choices", Json.createArrayBuilder().add(choice))
              .add("usage", usage)
              .build();
      return new Answer(200, body.toString());
    }

    private static Answer error(int status, String type, String message) {
      var error =
          Json.createObjectBuilder()
              .add("message", message)
              .add("type", type)
              .addNull("param")
              .addNull("code");
      return new Answer(status, Json.createObjectBuilder().add("error", error).build().toString());
    }

    private void complete(HttpExchange exchange) throws IOException {
      try (exchange) {
        JsonObject request;
        try (var reader = Json.createReader(exchange.getRequestBody())) {
          request = reader.readObject();
        }
        var model = request.getString("model", "");
        var answer = answer(model, request);
        seen.computeIfAbsent(model, m -> new CopyOnWriteArrayList<>())
            .add(new Seen(request, answer.status()));
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    }

    private Answer answer(String model, JsonObject request) {
      var unanswered = unansweredToolCalls(request);
      if (!unanswered.isEmpty()) {
        return error(
            400,
            "invalid_request_error",
            "An assistant message with 'tool_calls' must be followed by tool messages responding"
                + " to each 'tool_call_id'. The following tool_call_ids did not have response"
                + " messages: "
                + String.join(", ", unanswered));
      }
      var next = scripts.getOrDefault(model, new ConcurrentLinkedDeque<>()).poll();
      return next != null
          ? next
          : error(400, "invalid_request_error", "The stub has no answer left for " + model + ".");
    }
  }
}
