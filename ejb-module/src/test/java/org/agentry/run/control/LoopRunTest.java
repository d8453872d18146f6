package org.agentry.run.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.agentry.agent.entity.AgentLimits;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.agent.entity.PayloadType;
import org.agentry.agent.entity.StopReason;
import org.agentry.budget.boundary.Reservation;
import org.agentry.payload.control.PayloadSchema;
import org.agentry.platform.control.Watchdog;
import org.agentry.provider.control.ModelPrice;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.session.entity.Message;
import org.agentry.tool.control.AskUserTool;
import org.agentry.tool.control.CurrentTimeTool;
import org.agentry.tool.control.Tool;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.ToolLimits;
import org.junit.jupiter.api.Test;

/** The agent loop against a fake model: stop reasons, limits, tool errors, resumes. */
class LoopRunTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Watchdog WATCHDOG = Watchdog.standalone();

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

  private static final String XSD =
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
          + "<xs:annotation><xs:documentation>Orders of the shop.</xs:documentation></xs:annotation>"
          + "<xs:element name=\"order\" type=\"xs:string\"/>"
          + "<xs:element name=\"receipt\"><xs:complexType><xs:sequence>"
          + "<xs:element name=\"total\" type=\"xs:decimal\"/>"
          + "</xs:sequence></xs:complexType></xs:element></xs:schema>";

  private RunContext typed(int maxRepairs) {
    var type = new PayloadType("order", "receipt", XSD);
    var check = new PayloadCheck(type, PayloadSchema.compile(XSD), maxRepairs);
    return context(List.of(), "<order>tea</order>", "t", 5).withPayload(check);
  }

  private String lastUserText(int request) {
    var messages = model.requests.get(request);
    return ((UserMessage) messages.get(messages.size() - 1)).singleText();
  }

  @Test
  void aPayloadReachesTheModelAsXmlWithTheSchemaDocumentation() {
    model.answer(() -> reply(AiMessage.from("<receipt><total>3.50</total></receipt>"), 5, 1));

    var outcome = run(typed(2), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    var text = lastUserText(0);
    assertTrue(text.contains("Orders of the shop."), text);
    assertTrue(text.contains("<order>tea</order>"), text);
    assertTrue(text.contains("<receipt>"), text);
  }

  @Test
  void aPayloadThatEndsTheHistoryIsFramedToo() {
    model.answer(() -> reply(AiMessage.from("<receipt><total>1</total></receipt>"), 5, 1));
    var history = List.of(message(Message.user("s", "<order>tea</order>", T0), 1));
    var type = new PayloadType("order", "receipt", XSD);
    var check = new PayloadCheck(type, PayloadSchema.compile(XSD), 0);
    var context =
        context(spec(List.of(), new AgentLimits(5, 60, null)), history, null, "t")
            .withPayload(check);

    run(context, BudgetGate.NONE);

    var text = lastUserText(0);
    assertTrue(text.contains("Orders of the shop.") && text.contains("<order>tea</order>"), text);
  }

  @Test
  void anInvalidOutputElementIsSentBackWithTheErrorAndThenAccepted() {
    model.answer(() -> reply(AiMessage.from("<receipt><total>lots</total></receipt>"), 5, 1));
    model.answer(
        () -> reply(AiMessage.from("```xml\n<receipt><total>3</total></receipt>\n```"), 5, 1));

    var outcome = run(typed(2), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(2, outcome.totals().iterations());
    var repair = lastUserText(1);
    assertTrue(repair.contains("line 1, column") && repair.contains("cvc-"), repair);
    assertTrue(recorder.log.contains("repair 1"), recorder.log.toString());
  }

  @Test
  void anOutputStillInvalidAfterTheRepairsFailsTheRun() {
    model.answer(() -> reply(AiMessage.from("no xml at all"), 5, 1));

    var outcome = run(typed(1), BudgetGate.NONE);

    var stopped = assertInstanceOf(RunOutcome.Stopped.class, outcome);
    assertEquals(StopReason.OUTPUT_INVALID, stopped.stopReason());
    assertTrue(stopped.error().contains("after 1 repair"), stopped.error());
    assertEquals(2, model.requests.size());
  }

  private static final String ANSWER_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"title\"],\"properties\":{\"title\":"
          + "{\"type\":\"string\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";

  private RunContext structured(int maxRepairs, boolean responseFormats) {
    var context = context(List.of(), "name it", "t", 5);
    var provider = new ProviderModel("p", model, context.model().prices(), 0, responseFormats);
    return new RunContext(
            "a", context.spec(), provider, "s", List.of(), "name it", "t", Path.of("."))
        .withJson(JsonOutput.of("response", ANSWER_SCHEMA, maxRepairs));
  }

  @Test
  void aResponseSchemaGoesToTheModelAndAnAnswerOutsideItIsSentBackThenAccepted() {
    model.answer(() -> reply(AiMessage.from("{\"title\": 3}"), 5, 1));
    model.answer(() -> reply(AiMessage.from("```json\n{\"title\": \"Tea\"}\n```"), 5, 1));

    var outcome = run(structured(2, true), BudgetGate.NONE);

    var completed = assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertTrue(completed.reply().contains("\"Tea\""), completed.reply());
    assertEquals(2, outcome.totals().iterations());
    var format = model.formats.get(0);
    assertEquals(dev.langchain4j.model.chat.request.ResponseFormatType.JSON, format.type());
    assertEquals("response", format.jsonSchema().name());
    var root =
        (dev.langchain4j.model.chat.request.json.JsonObjectSchema)
            format.jsonSchema().rootElement();
    assertEquals(List.of("title"), root.required());
    assertEquals("name it", lastUserText(0));
    var repair = lastUserText(1);
    assertTrue(repair.contains("/title: must be a string"), repair);
    assertTrue(recorder.log.contains("repair 1"), recorder.log.toString());
  }

  @Test
  void withoutResponseFormatsTheSchemaGoesInTheUserMessage() {
    model.answer(() -> reply(AiMessage.from("{\"title\": \"Tea\"}"), 5, 1));

    var outcome = run(structured(2, false), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertNull(model.formats.get(0));
    var text = lastUserText(0);
    assertTrue(text.startsWith("name it") && text.contains(ANSWER_SCHEMA), text);
  }

  @Test
  void anAnswerOutsideTheSchemaAfterTheRepairsFailsTheRun() {
    model.answer(() -> reply(AiMessage.from("Tea, I think."), 5, 1));

    var outcome = run(structured(1, true), BudgetGate.NONE);

    var stopped = assertInstanceOf(RunOutcome.Stopped.class, outcome);
    assertEquals(StopReason.OUTPUT_INVALID, stopped.stopReason());
    assertTrue(
        stopped.error().contains("response schema after 1 repair(s): the answer is not a JSON"),
        stopped.error());
    assertEquals(2, model.requests.size());
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
  void aCallThatNeedsApprovalParksTheRunAndSkipsTheCallsAfterIt() {
    var write =
        ToolExecutionRequest.builder()
            .id("w1")
            .name("current_time")
            .arguments("{\"zone\":\"Europe/Paris\"}")
            .build();
    model.answer(() -> reply(AiMessage.from(List.of(write, call("c2", "current_time"))), 1, 1));
    var settings =
        "{\"current_time\":{\"approval\":{\"argument\":\"zone\",\"matches\":\"^Europe/\"},"
            + "\"approver\":\"admin\"}}";

    var outcome = run(context(spec(settings), List.of(), "hi", "task-1"), BudgetGate.NONE);

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals("approval required: current_time", waiting.question());
    assertEquals("w1", waiting.pendingCallId());
    var approval = waiting.approval();
    assertEquals("current_time", approval.tool());
    assertEquals("{\"zone\":\"Europe/Paris\"}", approval.arguments());
    assertEquals("admin", approval.approverRole());
    assertEquals(36, approval.approvalId().length());
    assertEquals(1, recorder.ending.toolRuns().size(), "only the call after it, skipped");
    assertEquals(
        "not run: waiting for approval", recorder.ending.toolRuns().get(0).outcome().error());
    assertEquals(List.of("request 1", "responded 1", "finish waiting"), recorder.log);
  }

  @Test
  void aCallTheArgumentPatternDoesNotMatchRunsAtOnce() {
    var call =
        ToolExecutionRequest.builder()
            .id("w1")
            .name("current_time")
            .arguments("{\"zone\":\"UTC\"}")
            .build();
    model.answer(() -> reply(AiMessage.from(List.of(call)), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings =
        "{\"current_time\":{\"approval\":{\"argument\":\"zone\",\"matches\":\"^Europe/\"}}}";

    var outcome = run(context(spec(settings), List.of(), "hi", "task-1"), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertNull(recorder.toolRuns.get(0).outcome().error());
  }

  @Test
  void aFailingToolIsRetriedWithExponentialBackoffAndEachAttemptRecorded() {
    var flaky = new Flaky(2);
    var invoker = ToolInvoker.of(List.of(flaky));
    model.answer(() -> reply(AiMessage.from(List.of(call("f1", "flaky"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings =
        "{\"flaky\":{\"onError\":{\"retry\":{\"maxAttempts\":3,\"backoff\":\"PT0.01S\"}}}}";

    var outcome =
        run(
            context(spec(settings, "flaky"), List.of(), "hi", "t"),
            BudgetGate.NONE,
            invoker,
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(3, flaky.calls);
    assertEquals(
        List.of(
            "request 1",
            "responded 1",
            "retry flaky after attempt 1 in 10",
            "retry flaky after attempt 2 in 20",
            "tools [flaky] next 2",
            "request 2",
            "finish completed step 2"),
        recorder.log);
    assertEquals("ok on attempt 3", recorder.toolRuns.get(0).outcome().result());
  }

  @Test
  void aToolFailingEveryAttemptReportsHowManyWereMade() {
    var invoker = ToolInvoker.of(List.of(new Flaky(99)));
    model.answer(() -> reply(AiMessage.from(List.of(call("f1", "flaky"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings = "{\"flaky\":{\"onError\":{\"retry\":{\"maxAttempts\":2,\"backoff\":\"PT0S\"}}}}";

    run(
        context(spec(settings, "flaky"), List.of(), "hi", "t"),
        BudgetGate.NONE,
        invoker,
        Clock.systemUTC(),
        Duration.ofSeconds(300));

    assertEquals("not yet (after 2 attempts)", recorder.toolRuns.get(0).outcome().error());
  }

  @Test
  void withoutAPolicyAFailingToolRunsOnce() {
    var flaky = new Flaky(1);
    model.answer(() -> reply(AiMessage.from(List.of(call("f1", "flaky"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));

    run(
        context(spec("{}", "flaky"), List.of(), "hi", "t"),
        BudgetGate.NONE,
        ToolInvoker.of(List.of(flaky)),
        Clock.systemUTC(),
        Duration.ofSeconds(300));

    assertEquals(1, flaky.calls);
    assertEquals("not yet", recorder.toolRuns.get(0).outcome().error());
  }

  @Test
  void invalidArgumentsAreSentBackForRepairAndTheSecondCallRuns() {
    var counter = new Counter();
    model.answer(() -> reply(AiMessage.from(List.of(typed("r1", "{\"count\":\"two\"}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from(List.of(typed("r2", "{\"count\":2}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings = "{\"count\":{\"onError\":{\"repair\":{\"maxAttempts\":2}}}}";

    var outcome = runWith(counter, settings, "t");

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(1, counter.calls, "only the valid call ran");
    assertTrue(
        recorder.log.contains("repair-tool count r1 attempt 1 [/count: must be an integer]"));
    var toModel = (ToolExecutionResultMessage) model.requests.get(1).get(3);
    assertEquals(
        "Error: invalid arguments: /count: must be an integer. The tool did not run; call count"
            + " again with arguments that match its schema.",
        toModel.text());
    assertEquals("counted 2", recorder.toolRuns.get(1).outcome().result());
  }

  @Test
  void argumentsStillInvalidAfterTheRepairsReportTheErrorWithoutRunningTheTool() {
    var counter = new Counter();
    model.answer(() -> reply(AiMessage.from(List.of(typed("r1", "{\"extra\":1}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from(List.of(typed("r2", "{}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("gave up"), 1, 1));
    var settings = "{\"count\":{\"onError\":{\"repair\":{\"maxAttempts\":2}}}}";

    var outcome = runWith(counter, settings, "t");

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(0, counter.calls);
    assertEquals(
        List.of("/count: is required", "/extra: is not a parameter of this tool"),
        recorder.repairs.get(0));
    assertEquals(1, recorder.repairs.size(), "the second invalid call is not a repair request");
    assertEquals(
        "invalid arguments (after 2 calls): /count: is required",
        recorder.toolRuns.get(1).outcome().error());
  }

  @Test
  void withoutARepairPolicyArgumentsAreNotCheckedAndTheToolRuns() {
    var counter = new Counter();
    model.answer(() -> reply(AiMessage.from(List.of(typed("r1", "{\"count\":\"two\"}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));

    runWith(counter, "{}", "t");

    assertEquals(1, counter.calls);
    assertEquals("count must be a number", recorder.toolRuns.get(0).outcome().error());
    assertTrue(recorder.repairs.isEmpty());
  }

  @Test
  void aToolErrorThatStandsAfterRetriesParksTheTaskForAPerson() {
    var flaky = new Flaky(99);
    model.answer(
        () -> reply(AiMessage.from(List.of(call("f1", "flaky"), call("f2", "flaky"))), 1, 1));
    var settings =
        "{\"flaky\":{\"onError\":{\"retry\":{\"maxAttempts\":2,\"backoff\":\"PT0S\"},"
            + "\"escalate\":true}}}";

    var outcome =
        run(
            context(spec(settings, "flaky"), List.of(), "hi", "task-1"),
            BudgetGate.NONE,
            ToolInvoker.of(List.of(flaky)),
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals("flaky failed: not yet (after 2 attempts)", waiting.question());
    assertEquals("f1", waiting.pendingCallId());
    assertNull(waiting.approval());
    assertEquals(
        new RunOutcome.Escalation("f1", "flaky", "{}", "not yet (after 2 attempts)", 2),
        waiting.escalation());
    assertEquals(2, flaky.calls, "the second call did not run");
    assertEquals(1, recorder.ending.toolRuns().size(), "only the call after it, skipped");
    assertEquals("f2", recorder.ending.toolRuns().get(0).call().id());
    assertEquals(
        "not run: waiting for a person to resolve a tool error",
        recorder.ending.toolRuns().get(0).outcome().error());
    assertEquals(
        List.of("request 1", "responded 1", "retry flaky after attempt 1 in 0", "finish waiting"),
        recorder.log);
  }

  @Test
  void argumentsInvalidAfterTheRepairsEscalateToo() {
    model.answer(() -> reply(AiMessage.from(List.of(typed("r1", "{}"))), 1, 1));
    var settings = "{\"count\":{\"onError\":{\"repair\":{\"maxAttempts\":1},\"escalate\":true}}}";

    var outcome = runWith(new Counter(), settings, "task-1");

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals(
        "count failed: invalid arguments (after 1 calls): /count: is required", waiting.question());
    assertEquals(1, waiting.escalation().attempts());
  }

  @Test
  void aRunResumedAfterTheAnswerGivesItToTheModelAsTheCallsResultWithoutRunningTheTool() {
    var flaky = new Flaky(99);
    var history =
        List.of(
            message(Message.user("s", "hi", T0), 1),
            message(
                Message.assistant(
                    "s", null, "[{\"id\":\"f1\",\"name\":\"flaky\",\"arguments\":\"{}\"}]", T0),
                2),
            message(Message.toolResult("s", "f1", "flaky", "the file says 42", T0), 3));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings = "{\"flaky\":{\"onError\":{\"escalate\":true}}}";

    var outcome =
        run(
            context(spec(settings, "flaky"), history, null, "task-1"),
            BudgetGate.NONE,
            ToolInvoker.of(List.of(flaky)),
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(0, flaky.calls);
    var result = assertInstanceOf(ToolExecutionResultMessage.class, model.requests.get(0).get(3));
    assertEquals("f1", result.id());
    assertEquals("the file says 42", result.text());
  }

  @Test
  void inAChatEscalateReportsTheErrorToTheModel() {
    var flaky = new Flaky(1);
    model.answer(() -> reply(AiMessage.from(List.of(call("f1", "flaky"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var settings = "{\"flaky\":{\"onError\":{\"escalate\":true}}}";

    var outcome =
        run(
            context(spec(settings, "flaky"), List.of(), "hi", null),
            BudgetGate.NONE,
            ToolInvoker.of(List.of(flaky)),
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals("not yet", recorder.toolRuns.get(0).outcome().error());
  }

  private RunOutcome runWith(Tool tool, String settings, String taskId) {
    return run(
        context(spec(settings, tool.name()), List.of(), "hi", taskId),
        BudgetGate.NONE,
        ToolInvoker.of(List.of(tool)),
        Clock.systemUTC(),
        Duration.ofSeconds(300));
  }

  private static ToolExecutionRequest typed(String id, String arguments) {
    return ToolExecutionRequest.builder().id(id).name("count").arguments(arguments).build();
  }

  /** A tool with a schema: one required integer {@code count}, nothing else. */
  private static final class Counter implements Tool {
    int calls;

    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder()
          .name("count")
          .description("counts")
          .parameters(
              dev.langchain4j.model.chat.request.json.JsonObjectSchema.builder()
                  .addIntegerProperty("count")
                  .required("count")
                  .additionalProperties(false)
                  .build())
          .build();
    }

    @Override
    public String execute(ToolContext context, jakarta.json.JsonObject arguments)
        throws org.agentry.tool.control.ToolException {
      calls++;
      if (!(arguments.get("count") instanceof jakarta.json.JsonNumber n)) {
        throw new org.agentry.tool.control.ToolException("count must be a number");
      }
      return "counted " + n.intValue();
    }
  }

  /** A tool that refuses its first {@code failures} calls. */
  private static final class Flaky implements Tool {
    final int failures;
    int calls;

    Flaky(int failures) {
      this.failures = failures;
    }

    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder().name("flaky").description("fails a while").build();
    }

    @Override
    public String execute(ToolContext context, jakarta.json.JsonObject arguments)
        throws org.agentry.tool.control.ToolException {
      calls++;
      if (calls <= failures) {
        throw new org.agentry.tool.control.ToolException("not yet");
      }
      return "ok on attempt " + calls;
    }
  }

  @Test
  void aResumedRunRunsTheApprovedCallFirstWithoutAskingAgain() {
    var history =
        List.of(
            message(Message.user("s", "first", T0), 1),
            message(
                Message.assistant(
                    "s",
                    null,
                    "[{\"id\":\"w1\",\"name\":\"current_time\",\"arguments\":\"{}\"}]",
                    T0),
                2));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));
    var base = context(spec("{\"current_time\":{\"approval\":\"always\"}}"), history, null, "t");
    var resumed = Transcript.approved(base.history(), "w1");

    var outcome = run(base.withApproved(resumed.history(), resumed.call()), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertEquals(
        List.of("tools [current_time] next none", "request 1", "finish completed step 1"),
        recorder.log);
    var sent = model.requests.get(0);
    var result = assertInstanceOf(ToolExecutionResultMessage.class, sent.get(sent.size() - 1));
    assertEquals("w1", result.id());
    assertFalse(result.text().startsWith("interrupted"), result.text());
    assertEquals(1, sent.stream().filter(m -> m instanceof ToolExecutionResultMessage).count());
  }

  @Test
  void anApprovedCallWhoseErrorStandsParksTheTaskForAPersonBeforeAnyModelCall() {
    var history =
        List.of(
            message(Message.user("s", "first", T0), 1),
            message(
                Message.assistant(
                    "s", null, "[{\"id\":\"w1\",\"name\":\"flaky\",\"arguments\":\"{}\"}]", T0),
                2));
    var flaky = new Flaky(99);
    var settings =
        "{\"flaky\":{\"approval\":\"always\",\"onError\":{\"retry\":{\"maxAttempts\":2,"
            + "\"backoff\":\"PT0S\"},\"escalate\":true}}}";
    var base = context(spec(settings, "flaky"), history, null, "task-1");
    var resumed = Transcript.approved(base.history(), "w1");

    var outcome =
        run(
            base.withApproved(resumed.history(), resumed.call()),
            BudgetGate.NONE,
            ToolInvoker.of(List.of(flaky)),
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals(
        new RunOutcome.Escalation("w1", "flaky", "{}", "not yet (after 2 attempts)", 2),
        waiting.escalation());
    assertEquals(2, flaky.calls);
    assertTrue(model.requests.isEmpty(), "the model was not called with the error");
    assertEquals(List.of("retry flaky after attempt 1 in 0", "finish waiting"), recorder.log);
  }

  private static ToolExecutionRequest delegateCall(String id, String agent, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(agent).arguments(arguments).build();
  }

  private static Delegates delegates(int depth, String... agents) {
    var tools =
        java.util.Arrays.stream(agents)
            .map(
                a ->
                    dev.langchain4j.agent.tool.ToolSpecification.builder()
                        .name(a)
                        .description("the agent " + a)
                        .build())
            .toList();
    return new Delegates(tools, depth, 3, 2);
  }

  @Test
  void delegateCallsInATaskParkItForChildTasksWhileTheOtherCallsRun() {
    model.answer(
        () ->
            reply(
                AiMessage.from(
                    List.of(
                        delegateCall("d1", "researcher", "{\"input\":\"find it\"}"),
                        call("c1", "current_time"),
                        delegateCall("d2", "writer", "{\"input\":\"write it\"}"))),
                1,
                1));
    var context =
        context(List.of(), "go", "task-1", 5).withDelegates(delegates(0, "researcher", "writer"));

    var outcome = run(context, BudgetGate.NONE);

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, outcome);
    assertEquals(
        List.of(
            new RunOutcome.Delegation("d1", "researcher", "find it", "{\"input\":\"find it\"}"),
            new RunOutcome.Delegation("d2", "writer", "write it", "{\"input\":\"write it\"}")),
        waiting.delegations());
    assertNull(waiting.pendingCallId());
    assertEquals("waiting for 2 delegated task(s): researcher, writer", waiting.question());
    var runs = recorder.ending.toolRuns();
    assertEquals(1, runs.size(), "only current_time ran; the delegate calls wait for children");
    assertEquals("c1", runs.get(0).call().id());
    assertNull(runs.get(0).outcome().error());
    var offered = model.requests.size();
    assertEquals(1, offered);
  }

  @Test
  void delegateCallsPastTheLimitsOrWithoutInputAreErrorsForTheModel() {
    model.answer(
        () ->
            reply(
                AiMessage.from(
                    List.of(
                        delegateCall("d1", "researcher", "{}"),
                        delegateCall("d2", "researcher", "{\"input\":\"a\"}"),
                        delegateCall("d3", "researcher", "{\"input\":\"b\"}"),
                        delegateCall("d4", "researcher", "{\"input\":\"c\"}"))),
                1,
                1));
    var context = context(List.of(), "go", "task-1", 5).withDelegates(delegates(0, "researcher"));

    var waiting = assertInstanceOf(RunOutcome.Waiting.class, run(context, BudgetGate.NONE));

    assertEquals(
        List.of("d2", "d3"),
        waiting.delegations().stream().map(RunOutcome.Delegation::callId).toList());
    var errors =
        recorder.ending.toolRuns().stream()
            .map(r -> r.call().id() + ": " + r.outcome().error())
            .toList();
    assertEquals(
        List.of(
            "d1: call researcher with {\"input\": \"<the task>\"}",
            "d4: not run: at most 2 delegate calls of one response start tasks"),
        errors);
  }

  @Test
  void atTheDepthLimitADelegateCallIsAnErrorAndTheRunGoesOn() {
    model.answer(
        () ->
            reply(AiMessage.from(List.of(delegateCall("d1", "self", "{\"input\":\"x\"}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done alone"), 1, 1));
    var deep = context(List.of(), "go", "task-1", 5).withDelegates(delegates(3, "self"));

    assertInstanceOf(RunOutcome.Completed.class, run(deep, BudgetGate.NONE));
    var sent = model.requests.get(1);
    var result = assertInstanceOf(ToolExecutionResultMessage.class, sent.get(sent.size() - 1));
    assertTrue(result.text().contains("the delegation depth limit of 3 is reached"), result.text());
  }

  @Test
  void inAChatADelegateCallIsAnErrorAndTheTurnGoesOn() {
    model.answer(
        () ->
            reply(AiMessage.from(List.of(delegateCall("d1", "self", "{\"input\":\"x\"}"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("done alone"), 1, 1));
    var chat = context(List.of(), "go", null, 5).withDelegates(delegates(0, "self"));
    assertInstanceOf(RunOutcome.Completed.class, run(chat, BudgetGate.NONE));
    var chatSent = model.requests.get(1);
    var chatResult =
        assertInstanceOf(ToolExecutionResultMessage.class, chatSent.get(chatSent.size() - 1));
    assertTrue(chatResult.text().contains("only in background tasks"), chatResult.text());
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

  @Test
  void atMostSixteenToolCallsOfOneResponseRunAndTheRestAreAnswered() {
    var calls = IntStream.range(0, 20).mapToObj(i -> call("c" + i, "current_time")).toList();
    model.answer(() -> reply(AiMessage.from(calls), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));

    var outcome = run(context(List.of(), "hi", null, 5), BudgetGate.NONE);

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    var summaries = outcome.totals().toolCalls();
    assertEquals(20, summaries.size());
    assertEquals(16, summaries.stream().filter(c -> c.error() == null).count());
    var refused = summaries.subList(16, 20);
    refused.forEach(
        c -> assertEquals("not run: at most 16 tool calls of one response are run", c.error()));
    // every call gets a result in the next request, in order, so providers accept the transcript
    var second = model.requests.get(1);
    var results =
        second.stream()
            .filter(ToolExecutionResultMessage.class::isInstance)
            .map(m -> ((ToolExecutionResultMessage) m).id())
            .toList();
    assertEquals(calls.stream().map(ToolExecutionRequest::id).toList(), results);
  }

  @Test
  void theCallLimitIsConfigurable() {
    var invoker =
        ToolInvoker.of(
            List.of(new CurrentTimeTool()),
            new ToolLimits(1024, 2, Duration.ofSeconds(5)),
            WATCHDOG);
    var calls = IntStream.range(0, 3).mapToObj(i -> call("c" + i, "current_time")).toList();
    model.answer(() -> reply(AiMessage.from(calls), 1, 1));
    model.answer(() -> reply(AiMessage.from("done"), 1, 1));

    var outcome =
        run(
            context(List.of(), "hi", null, 5),
            BudgetGate.NONE,
            invoker,
            Clock.fixed(T0, ZoneOffset.UTC),
            Duration.ofSeconds(300));

    var errors = outcome.totals().toolCalls().stream().map(c -> c.error()).toList();
    assertNull(errors.get(1));
    assertEquals("not run: at most 2 tool calls of one response are run", errors.get(2));
  }

  @Test
  void aModelCallStillRunningAtMaxDurationIsInterruptedAndTheRunStops() {
    var spec = spec(List.of(), new AgentLimits(5, 1, null));
    model.answer(slow(10_000, reply(AiMessage.from("too late"), 1, 1)));

    long start = System.nanoTime();
    var outcome =
        run(
            context(spec, List.of(), "hi", null),
            BudgetGate.NONE,
            tools,
            Clock.systemUTC(),
            Duration.ofSeconds(300));
    long ms = (System.nanoTime() - start) / 1_000_000;

    var stopped = assertInstanceOf(RunOutcome.Stopped.class, outcome);
    assertEquals(StopReason.MAX_DURATION, stopped.stopReason());
    assertTrue(stopped.error().contains("maxDuration of 1 s"), stopped.error());
    assertTrue(ms >= 900 && ms < 3_000, "stopped after " + ms + " ms");
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is cleared");
  }

  @Test
  void aModelCallPastTheModelCallTimeoutFailsRetriably() {
    model.answer(slow(10_000, reply(AiMessage.from("too late"), 1, 1)));

    var outcome =
        run(
            context(List.of(), "hi", null, 5),
            BudgetGate.NONE,
            tools,
            Clock.systemUTC(),
            Duration.ofMillis(300));

    var stopped = assertInstanceOf(RunOutcome.Stopped.class, outcome);
    assertEquals(StopReason.PROVIDER_ERROR, stopped.stopReason());
    assertTrue(stopped.retriable());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aSlowToolIsCutAtItsTimeoutAndTheModelIsTold() {
    var invoker =
        ToolInvoker.of(
            List.of(new SlowTool()), new ToolLimits(1024, 16, Duration.ofMillis(200)), WATCHDOG);
    var spec = spec(List.of("slow"), new AgentLimits(5, 60, null));
    model.answer(() -> reply(AiMessage.from(List.of(call("c1", "slow"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("ok"), 1, 1));

    long start = System.nanoTime();
    var outcome =
        run(
            context(spec, List.of(), "hi", null),
            BudgetGate.NONE,
            invoker,
            Clock.systemUTC(),
            Duration.ofSeconds(300));

    assertInstanceOf(RunOutcome.Completed.class, outcome);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
    assertEquals("timed out after 200 ms", outcome.totals().toolCalls().get(0).error());
  }

  @Test
  void aToolStillRunningAtMaxDurationEndsTheRun() {
    var invoker =
        ToolInvoker.of(
            List.of(new SlowTool()), new ToolLimits(1024, 16, Duration.ofSeconds(60)), WATCHDOG);
    var spec = spec(List.of("slow"), new AgentLimits(5, 3, null));
    model.answer(
        () -> reply(AiMessage.from(List.of(call("c1", "slow"), call("c2", "slow"))), 1, 1));

    long start = System.nanoTime();
    var outcome =
        run(
            context(spec, List.of(), "hi", null),
            BudgetGate.NONE,
            invoker,
            Clock.systemUTC(),
            Duration.ofSeconds(300));
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertEquals(StopReason.MAX_DURATION, outcome.stopReason());
    assertTrue(ms < 6_000, "stopped after " + ms + " ms"); // 3 s, with room for a loaded machine
    // the first call is cut at the deadline; the second is not run, or, when the first's wait
    // ended a moment before the deadline, started and cut at once (then the runs are written as
    // a step of their own and the run ends at the next iteration's check)
    var runs = recorder.toolRuns;
    assertEquals(2, runs.size(), recorder.log.toString());
    assertTrue(runs.get(0).outcome().error().startsWith("timed out after"));
    var second = runs.get(1).outcome().error();
    assertTrue(
        second.equals("not run: the run reached its maxDuration of 3 s")
            || second.startsWith("timed out after"),
        second);
  }

  @Test
  void toolOutputOverTheLimitIsCutInWhatTheModelGets() {
    var invoker =
        ToolInvoker.of(
            List.of(new BigTool()), new ToolLimits(1000, 16, Duration.ofSeconds(5)), WATCHDOG);
    var spec = spec(List.of("big"), new AgentLimits(5, 60, null));
    model.answer(() -> reply(AiMessage.from(List.of(call("c1", "big"))), 1, 1));
    model.answer(() -> reply(AiMessage.from("ok"), 1, 1));

    run(
        context(spec, List.of(), "hi", null),
        BudgetGate.NONE,
        invoker,
        Clock.fixed(T0, ZoneOffset.UTC),
        Duration.ofSeconds(300));

    var second = model.requests.get(1);
    var result = (ToolExecutionResultMessage) second.get(second.size() - 1);
    assertEquals("x".repeat(1000) + "\n[output cut: 4000 of 5000 bytes dropped]", result.text());
  }

  /** Works until interrupted. */
  private static final class SlowTool implements Tool {
    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder().name("slow").description("sleeps").build();
    }

    @Override
    public String execute(ToolContext context, jakarta.json.JsonObject arguments) {
      try {
        Thread.sleep(60_000);
        return "woke";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
  }

  /** Returns 5000 bytes. */
  private static final class BigTool implements Tool {
    @Override
    public ToolSpecification specification() {
      return ToolSpecification.builder().name("big").description("talks a lot").build();
    }

    @Override
    public String execute(ToolContext context, jakarta.json.JsonObject arguments) {
      return "x".repeat(5000);
    }
  }

  private RunOutcome run(RunContext context, BudgetGate gate) {
    return run(context, gate, tools, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(300));
  }

  private RunOutcome run(
      RunContext context,
      BudgetGate gate,
      ToolInvoker invoker,
      Clock clock,
      Duration modelCallTimeout) {
    var caller = new ProviderCaller(delay -> {}, Clock.systemUTC());
    return new LoopRun(context, invoker, gate, recorder, caller, clock, WATCHDOG, modelCallTimeout)
        .run();
  }

  /** A model answer that takes {@code ms} (interruptibly) before giving the reply. */
  private static Supplier<ChatResponse> slow(long ms, ChatResponse response) {
    return () -> {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return response;
    };
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

  private static AgentSpec spec(String toolSettings) {
    return spec(toolSettings, "current_time");
  }

  private static AgentSpec spec(String toolSettings, String tool) {
    return new AgentSpec(
        null,
        "You help.",
        "p",
        "m",
        null,
        10,
        List.of(tool),
        new AgentLimits(5, 60, null),
        true,
        null,
        null,
        org.agentry.platform.entity.Jsons.createReader(toolSettings).readObject(),
        null);
  }

  private static AgentSpec spec(List<String> tools, AgentLimits limits) {
    return new AgentSpec(
        null, "You help.", "p", "m", null, 10, tools, limits, true, null, null, null, null);
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
    final List<dev.langchain4j.model.chat.request.ResponseFormat> formats = new ArrayList<>();

    void answer(Supplier<ChatResponse> answer) {
      answers.add(answer);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(List.copyOf(request.messages())); // the loop goes on using its list
      formats.add(request.responseFormat());
      return (answers.size() > 1 ? answers.poll() : answers.peek()).get();
    }
  }

  /** Logs what the loop asks it to write; can ask the run to stop after some responses. */
  private static final class Recorder implements StepRecorder {
    final List<String> log = new ArrayList<>();
    final List<ToolRun> toolRuns = new ArrayList<>(); // by toolsRan and by finish
    final List<List<String>> repairs = new ArrayList<>();
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
    public void repairRequested(ModelStep step, String request) {
      log.add("repair " + step.iteration());
    }

    @Override
    public void modelCallEnded() {
      responses++;
    }

    @Override
    public void toolsRan(List<ToolRun> runs, ModelRequest next) {
      toolRuns.addAll(runs);
      var names = runs.stream().map(r -> r.call().name()).toList();
      log.add("tools " + names + " next " + (next == null ? "none" : next.iteration()));
    }

    @Override
    public void toolRetrying(ToolExecutionRequest call, int attempt, String error, Duration delay) {
      log.add("retry " + call.name() + " after attempt " + attempt + " in " + delay.toMillis());
    }

    @Override
    public void toolRepairing(ToolExecutionRequest call, int attempt, List<String> errors) {
      repairs.add(errors);
      log.add(
          "repair-tool " + call.name() + " " + call.id() + " attempt " + attempt + " " + errors);
    }

    @Override
    public void finish(Ending ending) {
      this.ending = ending;
      toolRuns.addAll(ending.toolRuns());
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
