package org.agentry.run.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.agentry.budget.boundary.Budgets;
import org.agentry.metrics.control.Metrics;
import org.agentry.run.control.StepRecorder.ModelStep;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.session.control.MessageWriter;
import org.agentry.session.entity.Message;
import org.agentry.tool.entity.ToolCallOrigin;
import org.agentry.tool.entity.ToolCallRecord;
import org.agentry.usage.entity.ModelCall;
import org.agentry.usage.entity.UsageRecord;

/**
 * Writes a run's steps into the session, in the caller's transaction: the model's reply with its
 * usage record and budget settlement, and tool results with their call records. Chats and tasks
 * write through here; each returns the id of the last message it stored.
 */
@ApplicationScoped
public class StepWriter {

  @PersistenceContext EntityManager em;

  @Inject Budgets budgets;
  @Inject MessageWriter messages;
  @Inject Clock clock;
  @Inject Metrics metrics;

  /**
   * Stores the model's reply and its usage, and settles the call's reservation to what it used.
   *
   * @param provider the provider's name
   * @return the reply's message id
   */
  public long modelStep(ToolCallOrigin origin, String provider, ModelStep step) {
    var now = clock.instant();
    var reply =
        Message.assistant(
            origin.sessionId(), step.text(), Transcript.toolCallsJson(step.toolCalls()), now);
    long replyId = messages.insert(reply);
    var call =
        new ModelCall(
            origin.tenant(),
            provider,
            step.model(),
            origin.agent(),
            origin.sessionId(),
            origin.taskId());
    em.persist(
        new UsageRecord(
            call,
            step.promptTokens(),
            step.completionTokens(),
            step.costUsd(),
            step.latencyMs(),
            now));
    budgets.settle(
        step.reservation(), (long) step.promptTokens() + step.completionTokens(), step.costUsd());
    metrics.modelCall(
        provider,
        step.model(),
        origin.agent(),
        step.latencyMs(),
        step.promptTokens(),
        step.completionTokens(),
        step.costUsd() == null ? 0 : step.costUsd().doubleValue());
    return replyId;
  }

  /**
   * Counts a finished turn (a chat turn or a task run) on the session, with one native update: the
   * count only grows, so it leaves the session's version alone and conflicts with no other change.
   */
  public void turnCompleted(String sessionId) {
    em.createNativeQuery("UPDATE chat_session SET turns = turns + 1, updated_at = ? WHERE id = ?")
        .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
        .setParameter(2, sessionId)
        .executeUpdate();
  }

  /**
   * Stores each tool call's record and its result as the model will read it.
   *
   * @return the last result's message id, or 0 when there were none
   */
  public long toolRuns(ToolCallOrigin origin, List<ToolRun> runs) {
    long last = 0;
    for (var run : runs) {
      last = toolRun(origin, run);
    }
    return last;
  }

  /**
   * Stores one tool call's record and its result.
   *
   * @return the result's message id
   */
  public long toolRun(ToolCallOrigin origin, ToolRun run) {
    var now = clock.instant();
    var outcome = run.outcome();
    var callId = run.call().id();
    var name = run.call().name();
    var arguments = run.call().arguments() == null ? "{}" : run.call().arguments();
    em.persist(
        new ToolCallRecord(
            origin,
            callId,
            name,
            arguments,
            outcome.result(),
            outcome.error(),
            outcome.durationMs(),
            now));
    metrics.toolCall(name, outcome.error() != null);
    return messages.insert(
        Message.toolResult(origin.sessionId(), callId, name, outcome.textForModel(), now));
  }
}
