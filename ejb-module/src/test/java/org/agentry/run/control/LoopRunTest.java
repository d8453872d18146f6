package org.agentry.run.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.StopReason;
import org.agentry.budget.boundary.Reservation;
import org.agentry.provider.control.ModelPrice;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.session.entity.Message;
import org.agentry.tool.control.AskUserTool;
import org.agentry.tool.control.CurrentTimeTool;
import org.agentry.tool.control.ToolInvoker;
import org.junit.jupiter.api.Test;

/** The agent loop against a fake model: stop reasons, limits, tool errors, resumes. */
class LoopRunTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final FakeModel model = new FakeModel();
  private final Recorder recorder = new Recorder();
  private final ToolInvoker tools =
      ToolInvoker.of(List.of(new CurrentTimeTool(), new AskUserTool()));

  @Test
  void answerWithoutToolCallsCompletesInOneWrite() {
    model.answer(() -> reply(AiMessage.from("done"), 10, 2));

    var outcome = run(context(List.of(), "hi", null, 5), BudgetGate.NONE);

    var completed = assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals("done", completed.reply());
    assertEquals(1, outcome.totals().iterations());
    assertEquals(12, outcome.totals().promptTokens() + outcome.totals().completionTokens());
    assertEquals(List.of("request 1", "finish completed step 1"), recorder.log);
  }

  @Test
  void toolCallsRunAndTheirResultsGoBackToTheModel() {
    model.answer(() -> reply(AiMessage.from(List.of(call("c1", "current_time"))), 5, 1));
    model.answer(() -> reply(AiMessage.from("it is late"), 7, 1));

    var outcome = run(context(List.of(), "time?", null, 5), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(
        List.of(
            "request 1",
            "responded 1",
            "tools [current_time] next 2",
            "request 2",
            "finish completed step 2"),
        recorder.log);
    var second = model.requests.get(1);
    var result = assertInstanceOf(ToolExecutionResultMessage.class, second.get(second.size() - 1));
    assertEquals("c1", result.id());
  }

  @Test
  void unknownToolIsAnErrorForTheModelAndTheLoopGoesOn() {
    model.answer(() -> reply(AiMessage.from(List.of(call("c1", "rm_rf"))), 5, 1));
    model.answer(() -> reply(AiMessage.from("sorry"), 5, 1));

    var outcome = run(context(List.of(), "go", null, 5), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    var error = outcome.totals().toolCalls().get(0).error();
    assertTrue(error.startsWith("unknown tool 'rm_rf'"), error);
  }

  @Test
  void iterationLimitStopsTheRun() {
    model.answer(() -> reply(AiMessage.from(List.of(call("c", "current_time"))), 1, 1));

    var outcome = run(context(List.of(), "loop", null, 2), BudgetGate.NONE);

    assertEquals(StopReason.MAX_ITERATIONS, outcome.stopReason());
    assertEquals(2, model.requests.size());
    assertEquals("tools [current_time] next none", recorder.log.get(recorder.log.size() - 2));
  }

  @Test
  void refusedReservationStopsBeforeTheCall() {
    var outcome = run(context(List.of(), "hi", null, 5), (tokens, usd) -> Optional.empty());

    assertEquals(StopReason.BUDGET_EXCEEDED, outcome.stopReason());
    assertEquals(0, model.requests.size());
  }

  @Test
  void reservationIsSettledWithTheStepOrReleasedOnFailure() {
    var held = new Reservation("r1", List.of("agent:a:day:2026-01-01"), 100, BigDecimal.ONE);
    model.answer(
        () -> {
          throw new HttpException(503, "overloaded");
        });

    var outcome = run(context(List.of(), "hi", null, 5), (tokens, usd) -> Optional.of(held));

    var stopped = assertInstanceOf(RunOutcome.Stopped.class, outcome);
    assertEquals(StopReason.PROVIDER_ERROR, stopped.stopReason());
    assertTrue(stopped.retriable());
    assertSame(held, recorder.ending.released());
    assertNull(recorder.ending.step());
  }

  @Test
  void tokenBudgetStopsBeforeACallThatCouldPassIt() {
    var spec = spec(List.of(), new AgentLimits(5, 60, 100L));
    var outcome = run(context(spec, List.of(), "x".repeat(1000), null), BudgetGate.NONE);

    assertEquals(StopReason.BUDGET_EXCEEDED, outcome.stopReason());
    assertEquals(0, model.requests.size());
  }

  @Test
  void cancelBeforeToolsRunSkipsThemAndRecordsWhy() {
    model.answer(() -> reply(AiMessage.from(List.of(call("c1", "current_time"))), 1, 1));
    recorder.stopAfterResponses = 1;

    var outcome = run(context(List.of(), "hi", null, 5), BudgetGate.NONE);

    assertEquals(StopReason.CANCELLED, outcome.stopReason());
    var skipped = recorder.ending.toolRuns();
    assertEquals(1, skipped.size());
    assertEquals("not run: the run was cancelled", skipped.get(0).outcome().error());
    assertEquals(1, recorder.ending.step().iteration());
  }

  @Test
  void askUserInATaskWaitsAndSkipsTheCallsAfterIt() {
    var ask =
        ToolExecutionRequest.builder()
            .id("q1")
            .name(AskUserTool.NAME)
            .arguments("{\"question\":\"which file?\"}")
            .build();
    model.answer(() -> reply(AiMessage.from(List.of(ask, call("c2", "current_time"))), 1, 1));

    var outcome = run(context(List.of(), "hi", "task-1", 5), BudgetGate.NONE);

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals("which file?", waiting.question());
    assertEquals("q1", waiting.pendingCallId());
    assertEquals("c2", recorder.ending.toolRuns().get(0).call().id());
  }

  @Test
  void resumeAnswersInterruptedToolCallsAndDropsEmptyUserMessages() {
    var history =
        List.of(
            message(Message.user("s", "first", T0), 1),
            message(Message.user("s", null, T0), 2),
            message(
                Message.assistant(
                    "s",
                    null,
                    "[{\"id\":\"c9\",\"name\":\"current_time\",\"arguments\":\"{}\"}]",
                    T0),
                3));
    model.answer(() -> reply(AiMessage.from("resumed"), 1, 1));

    var outcome = run(context(history, "again", null, 5), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    List<ChatMessage> sent = model.requests.get(0);
    assertEquals(5, sent.size(), sent.toString()); // system, user, assistant, result, user
    var interrupted = assertInstanceOf(ToolExecutionResultMessage.class, sent.get(3));
    assertEquals("c9", interrupted.id());
    assertEquals(Transcript.INTERRUPTED, interrupted.text());
    assertEquals("again", ((UserMessage) sent.get(4)).singleText());
  }

  private RunOutcome run(RunContext context, BudgetGate gate) {
    var caller = new ProviderCaller(delay -> {}, Clock.systemUTC());
    var clock = Clock.fixed(T0, ZoneOffset.UTC);
    return new LoopRun(context, tools, gate, recorder, caller, clock).run();
  }

  private RunContext context(List<Message> history, String input, String taskId, int iterations) {
    var tools = List.of("current_time", AskUserTool.NAME);
    return context(spec(tools, new AgentLimits(iterations, 60, null)), history, input, taskId);
  }

  private RunContext context(AgentSpec spec, List<Message> history, String input, String taskId) {
    var prices = new PriceTable(Map.of("m", new ModelPrice(BigDecimal.ONE, BigDecimal.TEN)));
    var provider = new ProviderModel("p", model, prices, 0);
    var chatHistory = Transcript.toChatMessages(history);
    return new RunContext("a", spec, provider, "s", chatHistory, input, taskId, Path.of("."));
  }

  private static AgentSpec spec(List<String> tools, AgentLimits limits) {
    return new AgentSpec(null, "You help.", "p", "m", null, 10, tools, limits, true);
  }

  private static ToolExecutionRequest call(String id, String name) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments("{}").build();
  }

  private static ChatResponse reply(AiMessage message, int prompt, int completion) {
    return ChatResponse.builder()
        .aiMessage(message)
        .tokenUsage(new TokenUsage(prompt, completion))
        .build();
  }

  private static Message message(Message message, long id) {
    try {
      var field = Message.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(message, id);
      return message;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Answers from a queue (the last answer repeats) and keeps every request. */
  private static final class FakeModel implements ChatModel {
    final Deque<Supplier<ChatResponse>> answers = new ArrayDeque<>();
    final List<List<ChatMessage>> requests = new ArrayList<>();

    void answer(Supplier<ChatResponse> answer) {
      answers.add(answer);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(List.copyOf(request.messages())); // the loop goes on using its list
      return (answers.size() > 1 ? answers.poll() : answers.peek()).get();
    }
  }

  /** Logs what the loop asks it to write; can ask the run to stop after some responses. */
  private static final class Recorder implements StepRecorder {
    final List<String> log = new ArrayList<>();
    Ending ending;
    int stopAfterResponses = Integer.MAX_VALUE;
    int responses;

    @Override
    public void modelRequest(ModelRequest request) {
      log.add("request " + request.iteration());
    }

    @Override
    public void modelResponded(ModelStep step) {
      log.add("responded " + step.iteration());
    }

    @Override
    public void modelCallEnded() {
      responses++;
    }

    @Override
    public void toolsRan(List<ToolRun> runs, ModelRequest next) {
      var names = runs.stream().map(r -> r.call().name()).toList();
      log.add("tools " + names + " next " + (next == null ? "none" : next.iteration()));
    }

    @Override
    public void finish(Ending ending) {
      this.ending = ending;
      var kind =
          ending.outcome().stopReason() == null
              ? "waiting"
              : ending.outcome().stopReason().apiName();
      log.add(
          "finish " + kind + (ending.step() == null ? "" : " step " + ending.step().iteration()));
    }

    @Override
    public boolean shouldStop() {
      return responses >= stopAfterResponses;
    }
  }
}
