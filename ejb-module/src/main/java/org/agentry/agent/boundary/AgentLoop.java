package org.agentry.agent.boundary;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agentry.agent.control.RunOutcome;
import org.agentry.agent.control.RunOutcome.ToolCallSummary;
import org.agentry.agent.control.Transcript;
import org.agentry.agent.entity.StopReason;
import org.agentry.provider.boundary.Providers;
import org.agentry.provider.control.ChatModels;
import org.agentry.provider.control.PriceTable;
import org.agentry.provider.control.ProviderCaller;
import org.agentry.provider.control.ProviderException;
import org.agentry.provider.control.ProviderSettings;
import org.agentry.session.boundary.Conversations;
import org.agentry.session.boundary.TurnStart;
import org.agentry.tool.control.ToolContext;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.Workspaces;
import org.agentry.tool.entity.ToolCallOrigin;
import org.agentry.usage.entity.ModelCall;

/**
 * The agent loop. One run: the system prompt, the session's history and the new input, with the
 * agent's tool specifications, go to the model; the tool calls it asks for are run (several per
 * turn when it asks for several) and their results go back; repeat until the model answers without
 * tool calls or a limit stops the run: iterations, duration, token budget, cancellation, or a
 * provider failure. Every step is written in its own short transaction ({@link Conversations}); no
 * transaction is open while the model or a tool works.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentLoop {

  @Inject Conversations conversations;
  @Inject ToolInvoker tools;
  @Inject Workspaces workspaces;

  private final ProviderCaller caller = new ProviderCaller();

  /**
   * Runs one conversation turn in a session.
   *
   * @param sessionId the session to continue, or null to start one
   * @param taskId the task this run belongs to, or null for a chat
   * @param cancelled asked between steps; true stops the run as {@code cancelled}
   * @throws org.agentry.platform.boundary.UnknownResourceException for an unknown agent or session
   * @throws org.agentry.platform.boundary.StateConflictException if the agent or session takes no
   *     work
   */
  public RunOutcome run(
      String agent, String sessionId, String input, String taskId, BooleanSupplier cancelled) {
    var start = conversations.begin(agent, sessionId, input);
    var run = new Run(start, taskId, cancelled);
    var outcome = run.loop(input);
    conversations.finish(start.sessionId());
    return outcome;
  }

  /** The state of one run. */
  private final class Run {
    private final TurnStart start;
    private final String taskId;
    private final BooleanSupplier cancelled;
    private final Instant deadline;
    private final List<ToolCallSummary> toolCalls = new ArrayList<>();
    private long promptTokens;
    private long completionTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private int iterations;

    Run(TurnStart start, String taskId, BooleanSupplier cancelled) {
      this.start = start;
      this.taskId = taskId;
      this.cancelled = cancelled;
      this.deadline = Instant.now().plusSeconds(start.spec().limits().maxDurationSeconds());
    }

    RunOutcome loop(String input) {
      var spec = start.spec();
      ProviderSettings settings;
      ChatModel model;
      try {
        settings = Providers.settings(start.provider());
        model =
            ChatModels.create(settings, spec.model(), spec.temperature(), spec.maxOutputTokens());
      } catch (IllegalArgumentException e) {
        return outcome(null, StopReason.PROVIDER_ERROR, e.getMessage());
      }
      var prices = PriceTable.parse(start.provider().spec().prices());
      var messages = new ArrayList<ChatMessage>();
      messages.add(SystemMessage.from(spec.systemPrompt()));
      messages.addAll(Transcript.toChatMessages(start.history()));
      messages.add(UserMessage.from(input));
      var specifications = tools.specifications(spec.tools());
      while (true) {
        var stop = limitReached();
        if (stop != null) {
          return outcome(null, stop, null);
        }
        var request = ChatRequest.builder().messages(messages);
        if (!specifications.isEmpty()) {
          request.toolSpecifications(specifications);
        }
        long began = System.nanoTime();
        AiMessage reply;
        try {
          var response = caller.call(model, request.build(), settings.maxRetries());
          reply = response.aiMessage();
          record(reply, response.tokenUsage(), prices, began);
        } catch (ProviderException e) {
          return outcome(null, StopReason.PROVIDER_ERROR, e.getMessage());
        }
        messages.add(reply);
        if (!reply.hasToolExecutionRequests()) {
          return outcome(reply.text(), StopReason.COMPLETED, null);
        }
        for (var call : reply.toolExecutionRequests()) {
          if (cancelled.getAsBoolean()) {
            return outcome(null, StopReason.CANCELLED, null);
          }
          messages.add(runTool(call));
        }
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
        AiMessage reply,
        dev.langchain4j.model.output.TokenUsage usage,
        PriceTable prices,
        long began) {
      iterations++;
      int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      int completion =
          usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
      var model = start.spec().model();
      var callCost = prices.cost(model, prompt, completion);
      promptTokens += prompt;
      completionTokens += completion;
      cost = cost.add(callCost);
      var call =
          new ModelCall(
              start.provider().getName(), model, start.agent(), start.sessionId(), taskId);
      long latencyMs = (System.nanoTime() - began) / 1_000_000;
      conversations.recordModelCall(
          call,
          reply.text(),
          Transcript.toolCallsJson(reply.toolExecutionRequests()),
          prompt,
          completion,
          callCost,
          latencyMs);
    }

    private ToolExecutionResultMessage runTool(
        dev.langchain4j.agent.tool.ToolExecutionRequest call) {
      var context =
          new ToolContext(start.agent(), start.sessionId(), taskId, workspaces.of(start.agent()));
      var result = tools.invoke(context, call, start.spec().tools());
      var origin = new ToolCallOrigin(start.agent(), start.sessionId(), taskId);
      conversations.recordToolCall(origin, call.id(), call.name(), call.arguments(), result);
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

    private RunOutcome outcome(String reply, StopReason reason, String error) {
      return new RunOutcome(
          start.sessionId(),
          reply,
          reason,
          error,
          iterations,
          promptTokens,
          completionTokens,
          cost,
          List.copyOf(toolCalls));
    }
  }
}
