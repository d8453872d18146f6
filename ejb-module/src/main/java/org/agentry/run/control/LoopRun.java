package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agentry.agent.entity.StopReason;
import org.agentry.approval.control.ApprovalPolicy;
import org.agentry.approval.control.ApprovalRequest;
import org.agentry.budget.boundary.Reservation;
import org.agentry.platform.control.Watchdog;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.provider.control.ProviderException;
import org.agentry.provider.control.TokenEstimate;
import org.agentry.run.control.RunOutcome.ToolCallSummary;
import org.agentry.run.control.StepRecorder.Ending;
import org.agentry.run.control.StepRecorder.ModelRequest;
import org.agentry.run.control.StepRecorder.ModelStep;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.tool.control.AskUserTool;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.control.ToolRecovery;

/**
 * One run of the agent loop: the system prompt, the session's history and the new input, with the
 * agent's tool specifications, go to the model; the tool calls it asks for run in order and their
 * results go back; repeat until a reply without tool calls ({@code completed}) or a limit:
 * iterations, duration, token budget, a cancel, a provider failure. In a task, {@code ask_user}
 * parks the run until someone answers; a tool call that the agent's {@link ApprovalPolicy} holds
 * for approval parks it (in a chat: ends the turn) until someone decides, and a run resumed after
 * an approval runs the approved call first. A tool call runs under its tool's {@link
 * org.agentry.tool.control.ToolRecovery}: retried, its arguments checked against the tool's schema
 * and sent back for repair, and (in a task) a standing error parks the run for a person, whose
 * answer becomes the call's result. Everything the run produces goes to its {@link StepRecorder};
 * this class touches no database itself.
 *
 * <p>The run's {@code maxDuration} is a hard deadline: a model call still working when it passes is
 * interrupted, and a tool call's wait is cut to the time left; the run then stops with {@code
 * max_duration}. A model call is also bounded on its own ({@code modelCallTimeout}, retries
 * included); one that takes longer fails as a retriable {@code provider_error}. Of one response's
 * tool calls at most {@link org.agentry.tool.control.ToolLimits#maxCallsPerResponse()} run; the
 * others are answered as not run, so that every call has a result.
 */
public final class LoopRun {

  /** The output a call may use when the agent sets no maximum, for the worst-case estimate. */
  static final int DEFAULT_MAX_OUTPUT = 1024;

  private final RunContext context;
  private final ToolInvoker tools;
  private final BudgetGate budget;
  private final StepRecorder recorder;
  private final ProviderCaller caller;
  private final Clock clock;
  private final Watchdog watchdog;
  private final Duration modelCallTimeout;
  private final Instant deadline;
  private final List<ToolCallSummary> toolCalls = new ArrayList<>();
  private final List<ChatMessage> messages = new ArrayList<>();
  private long promptTokens;
  private long completionTokens;
  private BigDecimal cost = BigDecimal.ZERO;
  private int iterations;
  private int repairs;
  private final Map<String, ApprovalPolicy> policies = new HashMap<>();
  private final Map<String, ToolRecovery> recoveries = new HashMap<>();
  private final Map<String, Integer> invalidCalls = new HashMap<>();

  /**
   * A run, ready to {@link #run()}.
   *
   * @param caller calls the model with the provider's retries
   * @param watchdog interrupts a model call at its deadline
   * @param modelCallTimeout longest one model call may take, retries included; positive
   */
  public LoopRun(
      RunContext context,
      ToolInvoker tools,
      BudgetGate budget,
      StepRecorder recorder,
      ProviderCaller caller,
      Clock clock,
      Watchdog watchdog,
      Duration modelCallTimeout) {
    this.context = context;
    this.tools = tools;
    this.budget = budget;
    this.recorder = recorder;
    this.caller = caller;
    this.clock = clock;
    this.watchdog = watchdog;
    this.modelCallTimeout = modelCallTimeout;
    this.deadline = clock.instant().plusSeconds(context.spec().limits().maxDurationSeconds());
  }

  /** Runs until a final answer, a limit, a cancel or a question for the user; records the end. */
  public RunOutcome run() {
    var spec = context.spec();
    messages.add(SystemMessage.from(spec.systemPrompt()));
    messages.addAll(context.history());
    if (context.input() != null) {
      messages.add(UserMessage.from(context.userMessage()));
    }
    var specifications = new ArrayList<>(tools.specifications(spec));
    specifications.addAll(context.delegates().tools());
    if (context.approved() != null) {
      var ended = runApproved(context.approved());
      if (ended != null) {
        return ended;
      }
    }
    while (true) {
      var stop = limitReached();
      if (stop != null) {
        var error = stop == StopReason.MAX_DURATION ? outOfTime() : null;
        return end(null, null, List.of(), stopped(stop, error, false));
      }
      var reservation = reserve();
      if (reservation == null) {
        return end(null, null, List.of(), stopped(StopReason.BUDGET_EXCEEDED, null, false));
      }
      recorder.modelRequest(new ModelRequest(iterations + 1, messages.size()));
      var request = ChatRequest.builder().messages(messages);
      if (!specifications.isEmpty()) {
        request.toolSpecifications(specifications);
      }
      if (context.json() != null && context.model().responseFormats()) {
        request.responseFormat(context.json().responseFormat());
      }
      long began = System.nanoTime();
      var timeout = min(modelCallTimeout, remaining());
      ChatResponse response;
      try {
        response = call(request.build(), timeout);
      } catch (ProviderException e) {
        return end(null, reservation, List.of(), failedCall(e, timeout));
      }
      var reply = response.aiMessage();
      var step = step(reply, response.tokenUsage(), began, reservation);
      messages.add(reply);
      if (!reply.hasToolExecutionRequests()) {
        var refusal = context.output() == null ? null : context.output().refusal(reply.text());
        if (refusal == null) {
          return end(step, null, List.of(), new RunOutcome.Completed(reply.text(), totals()));
        }
        var ended = repair(step, refusal);
        if (ended != null) {
          return ended;
        }
        continue;
      }
      var ended = runTools(step, reply.toolExecutionRequests());
      if (ended != null) {
        return ended;
      }
    }
  }

  /**
   * Sends a final answer that its {@link OutputCheck} refuses (the agent's output element, the
   * task's response schema) back to the model with what is wrong, at most {@link
   * OutputCheck#maxRepairs()} times; returns the run's end ({@code output_invalid}) once they are
   * used up, else null. The invalid answer and the repair request are stored in the session.
   */
  private RunOutcome repair(ModelStep step, String refusal) {
    var check = context.output();
    if (repairs >= check.maxRepairs()) {
      var error =
          "the final answer is not "
              + check.expected()
              + " after "
              + repairs
              + " repair(s): "
              + refusal;
      return end(step, null, List.of(), stopped(StopReason.OUTPUT_INVALID, error, false));
    }
    repairs++;
    var request = check.repairPrompt(refusal);
    recorder.repairRequested(step, request);
    messages.add(UserMessage.from(request));
    return null;
  }

  /**
   * Writes the step, runs its tool calls in order and writes their results; returns the run's end
   * when a cancel or an {@code ask_user} question stops it, else null.
   */
  private RunOutcome runTools(ModelStep step, List<ToolExecutionRequest> calls) {
    if (recorder.shouldStop()) {
      return end(step, null, skipped(calls, "not run: the run was cancelled"), cancelled());
    }
    var first = calls.get(0);
    if (asksUser(first)) {
      var rest = skipped(calls.subList(1, calls.size()), "not run: waiting for the user's answer");
      return end(step, null, rest, waiting(first));
    }
    recorder.modelResponded(step);
    int allowed = Math.min(calls.size(), tools.limits().maxCallsPerResponse());
    var runs = new ArrayList<ToolRun>();
    var children = new ArrayList<RunOutcome.Delegation>();
    for (int i = 0; i < allowed; i++) {
      var call = calls.get(i);
      if (context.delegates().delegates(call)) {
        var refusal = context.delegates().refusal(call, context.inTask(), children.size());
        if (refusal == null) {
          children.add(
              new RunOutcome.Delegation(
                  call.id(), call.name(), Delegates.input(call), arguments(call)));
          continue;
        }
        var run = new ToolRun(call, new ToolOutcome(null, refusal, 0));
        summarize(call, run.outcome());
        runs.add(run);
        messages.add(ToolExecutionResultMessage.from(call, run.outcome().textForModel()));
        continue;
      }

      if (recorder.shouldStop()) {
        runs.addAll(skipped(calls.subList(i, calls.size()), "not run: the run was cancelled"));
        return endBefore(calls, children, runs, cancelled());
      }
      if (!clock.instant().isBefore(deadline)) {
        runs.addAll(skipped(calls.subList(i, calls.size()), "not run: " + outOfTime()));
        return endBefore(
            calls, children, runs, stopped(StopReason.MAX_DURATION, outOfTime(), false));
      }
      if (asksUser(call)) {
        runs.addAll(
            skipped(calls.subList(i + 1, calls.size()), "not run: waiting for the user's answer"));
        return endBefore(calls, children, runs, waiting(call));
      }
      var approval = approvalFor(call);
      if (approval != null) {
        runs.addAll(skipped(calls.subList(i + 1, calls.size()), "not run: waiting for approval"));
        return endBefore(calls, children, runs, awaiting(approval));
      }
      var attempted = attempt(call);
      if (attempted.stands() && escalates(call)) {
        runs.addAll(
            skipped(
                calls.subList(i + 1, calls.size()),
                "not run: waiting for a person to resolve a tool error"));
        return endBefore(calls, children, runs, escalated(call, attempted));
      }
      var run = new ToolRun(call, attempted.outcome());
      runs.add(run);
      messages.add(ToolExecutionResultMessage.from(call, run.outcome().textForModel()));
    }
    var refused =
        skipped(
            calls.subList(allowed, calls.size()),
            "not run: at most " + allowed + " tool calls of one response are run");
    for (var run : refused) {
      runs.add(run);
      summarize(run.call(), run.outcome());
      messages.add(ToolExecutionResultMessage.from(run.call(), run.outcome().textForModel()));
    }
    if (!children.isEmpty()) {
      return end(null, null, runs, delegating(children));
    }
    var next = limitReached() == null ? new ModelRequest(iterations + 1, messages.size()) : null;
    recorder.toolsRan(runs, next);
    return null;
  }

  /**
   * Ends the run before the delegate calls collected so far start (a cancel, the deadline, a
   * question, an approval, an escalation): those are answered as not run, so that no call of the
   * response stays unanswered.
   */
  private RunOutcome endBefore(
      List<ToolExecutionRequest> calls,
      List<RunOutcome.Delegation> children,
      List<ToolRun> runs,
      RunOutcome outcome) {
    runs.addAll(skipped(delegated(calls, children), "not run: the run stopped before it started"));
    return end(null, null, runs, outcome);
  }

  private static List<ToolExecutionRequest> delegated(
      List<ToolExecutionRequest> calls, List<RunOutcome.Delegation> children) {
    var ids = children.stream().map(RunOutcome.Delegation::callId).toList();
    return calls.stream().filter(c -> ids.contains(c.id())).toList();
  }

  /** The call's arguments as the model sent them, {@code {}} when it sent none. */
  private static String arguments(ToolExecutionRequest call) {
    return call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
  }

  private RunOutcome delegating(List<RunOutcome.Delegation> children) {
    var names = children.stream().map(RunOutcome.Delegation::agent).distinct().toList();
    var question =
        "waiting for " + children.size() + " delegated task(s): " + String.join(", ", names);
    return new RunOutcome.Waiting(question, null, totals(), null, null, children);
  }

  /**
   * Runs the call a person approved while the run was parked, before the next model call, and
   * writes its result (the model request after it was announced when the run was claimed); returns
   * the run's end when the call's error stands and its tool escalates, else null.
   */
  private RunOutcome runApproved(ToolExecutionRequest call) {
    var attempted = attempt(call);
    if (attempted.stands() && escalates(call)) {
      return end(null, null, List.of(), escalated(call, attempted));
    }
    var run = new ToolRun(call, attempted.outcome());
    messages.add(ToolExecutionResultMessage.from(call, run.outcome().textForModel()));
    recorder.toolsRan(List.of(run), null);
    return null;
  }

  /**
   * The approval the call needs before it runs under the agent's policy, or null when it needs
   * none.
   */
  private ApprovalRequest approvalFor(ToolExecutionRequest call) {
    if (!tools.offers(context.spec(), call.name())) {
      return null; // refused as an unknown tool anyway
    }
    var policy =
        policies.computeIfAbsent(call.name(), name -> ApprovalPolicy.forTool(context.spec(), name));
    if (!policy.requires(call.arguments())) {
      return null;
    }
    var arguments = arguments(call);
    return new ApprovalRequest(
        UUID.randomUUID().toString(), call.name(), call.id(), arguments, policy.approver());
  }

  private boolean asksUser(ToolExecutionRequest call) {
    return context.inTask()
        && AskUserTool.NAME.equals(call.name())
        && context.spec().tools().contains(AskUserTool.NAME);
  }

  /**
   * A tool call's outcome under its tool's {@link ToolRecovery}, and whether its error stands: the
   * tool failed on its last attempt, or the model's arguments broke the schema once more than the
   * repair part allows.
   *
   * @param attempts the tool's runs, or the model's calls in a row with invalid arguments
   */
  private record Attempted(ToolOutcome outcome, boolean stands, int attempts) {}

  private ToolRecovery recovery(String tool) {
    return recoveries.computeIfAbsent(tool, name -> ToolRecovery.forTool(context.spec(), name));
  }

  private Attempted attempt(ToolExecutionRequest call) {
    var recovery = recovery(call.name());
    if (recovery.repairs() > 0) {
      var errors = tools.argumentErrors(call, context.spec());
      if (!errors.isEmpty()) {
        return invalid(call, recovery, errors);
      }
      invalidCalls.remove(call.name());
    }
    var toolContext =
        new ToolContext(
            context.agent(),
            context.sessionId(),
            context.taskId(),
            context.workspace(),
            context.spec(),
            context.tenant());
    var allowed = ToolInvoker.offeredTo(context.spec());
    var last = new ToolOutcome[1];
    var made = new int[1];
    var outcome =
        ToolAttempts.run(
            call,
            recovery.retry(),
            () -> {
              made[0]++;
              last[0] = tools.invoke(toolContext, call, allowed, remaining());
              return last[0];
            },
            recorder,
            this::remaining);
    summarize(call, outcome);
    return new Attempted(outcome, outcome.error() != null && last[0].retriable(), made[0]);
  }

  /**
   * A call whose arguments broke the tool's schema: the tool does not run; the model is asked to
   * call again until it made {@link ToolRecovery#repairs()} such calls in a row, whose last error
   * stands.
   */
  private Attempted invalid(ToolExecutionRequest call, ToolRecovery recovery, List<String> errors) {
    int attempt = invalidCalls.merge(call.name(), 1, Integer::sum);
    var listed = String.join("; ", errors);
    boolean stands = attempt >= recovery.repairs();
    ToolOutcome outcome;
    if (stands) {
      invalidCalls.remove(call.name());
      outcome =
          new ToolOutcome(null, "invalid arguments (after " + attempt + " calls): " + listed, 0);
    } else {
      recorder.toolRepairing(call, attempt, errors);
      outcome =
          new ToolOutcome(
              null,
              "invalid arguments: "
                  + listed
                  + ". The tool did not run; call "
                  + call.name()
                  + " again with arguments that match its schema.",
              0);
    }
    summarize(call, outcome);
    return new Attempted(outcome, stands, attempt);
  }

  /** Whether a call's standing error goes to a person: in a task, with {@code escalate}. */
  private boolean escalates(ToolExecutionRequest call) {
    return context.inTask() && recovery(call.name()).escalate();
  }

  private void summarize(ToolExecutionRequest call, ToolOutcome outcome) {
    toolCalls.add(
        new ToolCallSummary(
            call.id(),
            call.name(),
            call.arguments(),
            outcome.result(),
            outcome.error(),
            outcome.durationMs()));
  }

  private String outOfTime() {
    return "the run reached its maxDuration of "
        + context.spec().limits().maxDurationSeconds()
        + " s";
  }

  private static List<ToolRun> skipped(List<ToolExecutionRequest> calls, String why) {
    return calls.stream().map(c -> new ToolRun(c, new ToolOutcome(null, why, 0))).toList();
  }

  /**
   * Reserves the next call's worst case — the prompt estimate plus the maximum output — against the
   * run's token budget and every budget of the agent and session; null when one would pass.
   */
  private Reservation reserve() {
    var spec = context.spec();
    long prompt = TokenEstimate.ofMessages(messages);
    int output = spec.maxOutputTokens() != null ? spec.maxOutputTokens() : DEFAULT_MAX_OUTPUT;
    long worst = prompt + output;
    var tokenBudget = spec.limits().tokenBudget();
    if (tokenBudget != null && promptTokens + completionTokens + worst > tokenBudget) {
      return null;
    }
    var usd =
        context
            .model()
            .prices()
            .cost(spec.model(), (int) Math.min(prompt, Integer.MAX_VALUE), output);
    return budget.reserve(worst, usd).orElse(null);
  }

  /**
   * Calls the model, interrupting the call at {@code timeout}.
   *
   * @throws ProviderException if the call failed or was interrupted; a call the deadline
   *     interrupted is a {@link DeadlinePassed}
   */
  private ChatResponse call(ChatRequest request, Duration timeout) {
    recorder.modelCallStarted();
    var alarm = watchdog.interruptAfter(timeout);
    try {
      return caller.call(context.model().chatModel(), request, context.model().maxRetries());
    } catch (RuntimeException e) {
      if (alarm.rang()) {
        throw new DeadlinePassed();
      }
      throw e instanceof ProviderException known
          ? known
          : new ProviderException("the model call failed", 0, false, null, null);
    } finally {
      alarm.close();
      recorder.modelCallEnded();
    }
  }

  /** A model call interrupted at its deadline. */
  private static final class DeadlinePassed extends ProviderException {
    DeadlinePassed() {
      super("the model call was interrupted at its deadline", 0, true, null, null);
    }
  }

  /** How a run ends whose model call failed: cancelled, out of time, or a provider error. */
  private RunOutcome failedCall(ProviderException e, Duration timeout) {
    if (recorder.shouldStop()) {
      return cancelled();
    }
    if (!(e instanceof DeadlinePassed)) {
      return stopped(StopReason.PROVIDER_ERROR, e.getMessage(), e.retriable());
    }
    if (timeout.compareTo(modelCallTimeout) < 0) {
      return stopped(
          StopReason.MAX_DURATION,
          "the model call was still running when the run reached its maxDuration of "
              + context.spec().limits().maxDurationSeconds()
              + " s",
          false);
    }
    return stopped(
        StopReason.PROVIDER_ERROR,
        "the model call took longer than " + modelCallTimeout.toSeconds() + " s",
        true);
  }

  /** The time the run has left before its deadline; zero once it passed. */
  private Duration remaining() {
    var left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private StopReason limitReached() {
    var limits = context.spec().limits();
    if (recorder.shouldStop()) {
      return StopReason.CANCELLED;
    }
    if (iterations >= limits.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (clock.instant().isAfter(deadline)) {
      return StopReason.MAX_DURATION;
    }
    var tokenBudget = limits.tokenBudget();
    if (tokenBudget != null && promptTokens + completionTokens >= tokenBudget) {
      return StopReason.BUDGET_EXCEEDED;
    }
    return null;
  }

  private ModelStep step(AiMessage reply, TokenUsage usage, long began, Reservation reservation) {
    iterations++;
    int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    int completion =
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    var model = context.spec().model();
    var callCost = context.model().prices().cost(model, prompt, completion);
    promptTokens += prompt;
    completionTokens += completion;
    cost = cost.add(callCost);
    var calls =
        reply.hasToolExecutionRequests()
            ? List.copyOf(reply.toolExecutionRequests())
            : List.<ToolExecutionRequest>of();
    long latencyMs = (System.nanoTime() - began) / 1_000_000;
    return new ModelStep(
        iterations,
        model,
        reply.text(),
        calls,
        prompt,
        completion,
        callCost,
        latencyMs,
        reservation);
  }

  private RunOutcome end(
      ModelStep step, Reservation released, List<ToolRun> runs, RunOutcome outcome) {
    recorder.finish(new Ending(step, released, runs, outcome));
    return outcome;
  }

  private RunOutcome cancelled() {
    return stopped(StopReason.CANCELLED, null, false);
  }

  private RunOutcome waiting(ToolExecutionRequest askUser) {
    return new RunOutcome.Waiting(AskUserTool.question(askUser), askUser.id(), totals());
  }

  private RunOutcome awaiting(ApprovalRequest approval) {
    return new RunOutcome.Waiting(approval.question(), approval.callId(), totals(), approval);
  }

  private RunOutcome escalated(ToolExecutionRequest call, Attempted attempted) {
    var error = attempted.outcome().error();
    var arguments = arguments(call);
    var escalation =
        new RunOutcome.Escalation(call.id(), call.name(), arguments, error, attempted.attempts());
    return new RunOutcome.Waiting(
        call.name() + " failed: " + error, call.id(), totals(), null, escalation);
  }

  private RunOutcome stopped(StopReason reason, String error, boolean retriable) {
    return new RunOutcome.Stopped(reason, error, retriable, totals());
  }

  private RunOutcome.Totals totals() {
    return new RunOutcome.Totals(
        context.sessionId(),
        iterations,
        promptTokens,
        completionTokens,
        cost,
        List.copyOf(toolCalls));
  }
}
