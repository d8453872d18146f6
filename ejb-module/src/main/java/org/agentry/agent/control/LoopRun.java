package org.agentry.agent.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agentry.agent.control.RunOutcome.ToolCallSummary;
import org.agentry.agent.entity.StopReason;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.boundary.Reservation;
import org.agentry.provider.boundary.Providers;
import org.agentry.provider.control.ChatModels;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.provider.control.ProviderException;
import org.agentry.provider.control.ProviderSettings;
import org.agentry.provider.control.TokenEstimate;
import org.agentry.session.boundary.Conversations;
import org.agentry.session.boundary.TurnStart;
import org.agentry.tool.control.AskUserTool;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.control.Workspaces;
import org.agentry.tool.entity.ToolCallOrigin;
import org.agentry.usage.entity.ModelCall;

/** The state of one run of the agent loop; see {@link org.agentry.agent.boundary.AgentLoop}. */
public final class LoopRun {

  private static final ProviderCaller CALLER = new ProviderCaller();

  /** The output a call may use when the agent sets no maximum, for the worst-case estimate. */
  static final int DEFAULT_MAX_OUTPUT = 1024;

  private final TurnStart start;
  private final String taskId;
  private final RunListener listener;
  private final BooleanSupplier cancelled;
  private final Conversations conversations;
  private final ToolInvoker tools;
  private final Workspaces workspaces;
  private final Budgets budgets;
  private final Instant deadline;
  private final List<ToolCallSummary> toolCalls = new ArrayList<>();
  private long promptTokens;
  private long completionTokens;
  private BigDecimal cost = BigDecimal.ZERO;
  private int iterations;

  public LoopRun(
      TurnStart start,
      String taskId,
      RunListener listener,
      BooleanSupplier cancelled,
      Conversations conversations,
      ToolInvoker tools,
      Workspaces workspaces,
      Budgets budgets) {
    this.start = start;
    this.taskId = taskId;
    this.listener = listener;
    this.cancelled = cancelled;
    this.conversations = conversations;
    this.tools = tools;
    this.workspaces = workspaces;
    this.budgets = budgets;
    this.deadline = Instant.now().plusSeconds(start.spec().limits().maxDurationSeconds());
  }

  /** Runs until a final answer, a limit, a cancellation or a question for the user. */
  public RunOutcome loop(String input) {
    var spec = start.spec();
    ProviderSettings settings;
    ChatModel model;
    try {
      settings = Providers.settings(start.provider());
      model = ChatModels.create(settings, spec.model(), spec.temperature(), spec.maxOutputTokens());
    } catch (IllegalArgumentException e) {
      return stopped(StopReason.PROVIDER_ERROR, e.getMessage(), false);
    }
    var prices = PriceTable.parse(start.provider().spec().prices());
    var messages = new ArrayList<ChatMessage>();
    messages.add(SystemMessage.from(spec.systemPrompt()));
    messages.addAll(Transcript.toChatMessages(start.history()));
    if (input != null) {
      messages.add(UserMessage.from(input));
    }
    var specifications = tools.specifications(spec.tools());
    while (true) {
      var stop = limitReached();
      if (stop != null) {
        return stopped(stop, null, false);
      }
      var request = ChatRequest.builder().messages(messages);
      if (!specifications.isEmpty()) {
        request.toolSpecifications(specifications);
      }
      var reservation = reserve(messages, prices);
      if (reservation == null) {
        return stopped(StopReason.BUDGET_EXCEEDED, null, false);
      }
      listener.modelRequest(iterations + 1, messages.size());
      long began = System.nanoTime();
      AiMessage reply;
      try {
        listener.modelCallStarted();
        var response = callModel(model, request.build(), settings.maxRetries());
        reply = response.aiMessage();
        record(reply, response.tokenUsage(), prices, began, reservation);
      } catch (ProviderException e) {
        budgets.settle(reservation, 0, BigDecimal.ZERO);
        return cancelled.getAsBoolean()
            ? stopped(StopReason.CANCELLED, null, false)
            : stopped(StopReason.PROVIDER_ERROR, e.getMessage(), e.retriable());
      }
      messages.add(reply);
      if (!reply.hasToolExecutionRequests()) {
        return outcome(reply.text(), StopReason.COMPLETED, null, false, null, null);
      }
      var waiting = runTools(reply.toolExecutionRequests(), messages);
      if (waiting != null) {
        return waiting;
      }
    }
  }

  /**
   * Reserves the next call's worst case — the prompt estimate plus the maximum output — against the
   * run's token budget and every budget of the agent and session; null when one would pass.
   */
  private Reservation reserve(List<ChatMessage> messages, PriceTable prices) {
    var spec = start.spec();
    long prompt = TokenEstimate.ofMessages(messages);
    int output = spec.maxOutputTokens() != null ? spec.maxOutputTokens() : DEFAULT_MAX_OUTPUT;
    long worst = prompt + output;
    var budget = spec.limits().tokenBudget();
    if (budget != null && promptTokens + completionTokens + worst > budget) {
      return null;
    }
    var cost = prices.cost(spec.model(), (int) Math.min(prompt, Integer.MAX_VALUE), output);
    return budgets.reserve(start.agent(), start.sessionId(), worst, cost).orElse(null);
  }

  private dev.langchain4j.model.chat.response.ChatResponse callModel(
      ChatModel model, ChatRequest request, int maxRetries) {
    try {
      return CALLER.call(model, request, maxRetries);
    } catch (RuntimeException e) {
      if (e instanceof ProviderException p) {
        throw p;
      }
      throw new ProviderException("the model call failed", 0, false, null, null);
    } finally {
      listener.modelCallEnded();
    }
  }

  /** Runs the calls in order; returns a waiting outcome when one is {@code ask_user}. */
  private RunOutcome runTools(List<ToolExecutionRequest> calls, List<ChatMessage> messages) {
    for (int i = 0; i < calls.size(); i++) {
      var call = calls.get(i);
      if (cancelled.getAsBoolean()) {
        skip(calls.subList(i, calls.size()), "not run: the run was cancelled");
        return stopped(StopReason.CANCELLED, null, false);
      }
      if (taskId != null
          && AskUserTool.NAME.equals(call.name())
          && start.spec().tools().contains(AskUserTool.NAME)) {
        skip(calls.subList(i + 1, calls.size()), "not run: waiting for the user's answer");
        return outcome(null, null, null, false, AskUserTool.question(call), call.id());
      }
      messages.add(runTool(call));
    }
    return null;
  }

  private void skip(List<ToolExecutionRequest> calls, String why) {
    var origin = new ToolCallOrigin(start.agent(), start.sessionId(), taskId);
    for (var call : calls) {
      conversations.recordToolCall(
          origin, call.id(), call.name(), call.arguments(), new ToolOutcome(null, why, 0));
    }
  }

  private StopReason limitReached() {
    var limits = start.spec().limits();
    if (cancelled.getAsBoolean()) {
      return StopReason.CANCELLED;
    }
    if (iterations >= limits.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (Instant.now().isAfter(deadline)) {
      return StopReason.MAX_DURATION;
    }
    var budget = limits.tokenBudget();
    if (budget != null && promptTokens + completionTokens >= budget) {
      return StopReason.BUDGET_EXCEEDED;
    }
    return null;
  }

  private void record(
      AiMessage reply, TokenUsage usage, PriceTable prices, long began, Reservation reservation) {
    iterations++;
    int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    int completion =
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    var model = start.spec().model();
    var callCost = prices.cost(model, prompt, completion);
    promptTokens += prompt;
    completionTokens += completion;
    cost = cost.add(callCost);
    budgets.settle(reservation, (long) prompt + completion, callCost);
    var call =
        new ModelCall(start.provider().getName(), model, start.agent(), start.sessionId(), taskId);
    long latencyMs = (System.nanoTime() - began) / 1_000_000;
    var calls =
        reply.hasToolExecutionRequests()
            ? reply.toolExecutionRequests()
            : List.<ToolExecutionRequest>of();
    conversations.recordModelCall(
        call,
        reply.text(),
        Transcript.toolCallsJson(calls),
        prompt,
        completion,
        callCost,
        latencyMs);
    listener.modelResponse(
        iterations, prompt, completion, callCost, latencyMs, reply.text(), calls.size());
  }

  private ToolExecutionResultMessage runTool(ToolExecutionRequest call) {
    var context =
        new ToolContext(start.agent(), start.sessionId(), taskId, workspaces.of(start.agent()));
    listener.toolStart(call);
    var result = tools.invoke(context, call, start.spec().tools());
    var origin = new ToolCallOrigin(start.agent(), start.sessionId(), taskId);
    conversations.recordToolCall(origin, call.id(), call.name(), call.arguments(), result);
    listener.toolEnd(call, result);
    toolCalls.add(
        new ToolCallSummary(
            call.id(),
            call.name(),
            call.arguments(),
            result.result(),
            result.error(),
            result.durationMs()));
    return ToolExecutionResultMessage.from(call, result.textForModel());
  }

  private RunOutcome stopped(StopReason reason, String error, boolean retriable) {
    return outcome(null, reason, error, retriable, null, null);
  }

  private RunOutcome outcome(
      String reply,
      StopReason reason,
      String error,
      boolean retriable,
      String question,
      String pendingCallId) {
    return new RunOutcome(
        start.sessionId(),
        reply,
        reason,
        error,
        retriable,
        question,
        pendingCallId,
        iterations,
        promptTokens,
        completionTokens,
        cost,
        List.copyOf(toolCalls));
  }
}
