package org.agentry.run.control;

import java.math.BigDecimal;
import java.util.List;
import org.agentry.agent.entity.StopReason;
import org.agentry.approval.control.ApprovalRequest;

/** How one run of the agent loop ended: a final answer, a wait for a person, or a stop. */
public sealed interface RunOutcome {

  /** What the run used and did, whatever its end. */
  Totals totals();

  /** The stop reason as the API reports it; null while the run waits for an answer. */
  StopReason stopReason();

  /** The model answered without asking for tools. */
  record Completed(String reply, Totals totals) implements RunOutcome {
    @Override
    public StopReason stopReason() {
      return StopReason.COMPLETED;
    }
  }

  /**
   * The run waits for a person: for the answer to the agent's {@code ask_user} question, or for a
   * decision on a tool call that needs approval.
   *
   * @param question the agent's question, or {@code approval required: <tool>}
   * @param pendingCallId the id of the tool call the answer or decision will complete
   * @param approval the call held for approval, or null
   * @param escalation the tool error a person is asked to resolve, or null
   * @param delegations the calls of other agents the run waits for (reason {@code children}), each
   *     to run as a child task; empty otherwise
   */
  record Waiting(
      String question,
      String pendingCallId,
      Totals totals,
      ApprovalRequest approval,
      Escalation escalation,
      List<Delegation> delegations)
      implements RunOutcome {

    public Waiting {
      delegations = delegations == null ? List.of() : List.copyOf(delegations);
    }

    /** A wait for a person to resolve a tool error, or for a decision. */
    public Waiting(
        String question,
        String pendingCallId,
        Totals totals,
        ApprovalRequest approval,
        Escalation escalation) {
      this(question, pendingCallId, totals, approval, escalation, List.of());
    }

    /** A wait for the answer to an {@code ask_user} question. */
    public Waiting(String question, String pendingCallId, Totals totals) {
      this(question, pendingCallId, totals, null, null);
    }

    /** A wait for a decision on a tool call that needs approval. */
    public Waiting(String question, String pendingCallId, Totals totals, ApprovalRequest approval) {
      this(question, pendingCallId, totals, approval, null);
    }

    /** Null: the API reports a wait for approval as {@code approval_required}, a question not. */
    @Override
    public StopReason stopReason() {
      return null;
    }
  }

  /**
   * A tool call whose error stood after its recovery policy's retries or repairs, handed to a
   * person (reason {@code tool_error}); the person's answer becomes the call's result.
   *
   * @param attempts the tool's runs (retries) or the model's calls (repairs) that failed
   */
  record Escalation(String callId, String tool, String arguments, String error, int attempts) {}

  /**
   * A call of another agent (a delegate) that runs as a child task; its output becomes the call's
   * result.
   *
   * @param agent the delegate's name, also the tool's name
   * @param input what the delegate is asked, the call's {@code input} argument
   * @param arguments the call's arguments as the model sent them, a JSON text
   */
  record Delegation(String callId, String agent, String input, String arguments) {}

  /**
   * The run stopped before a final answer: a limit, a cancel, a provider failure.
   *
   * @param error what went wrong for {@code provider_error}, else null
   * @param retriable for {@code provider_error}: whether trying again later may succeed
   */
  record Stopped(StopReason stopReason, String error, boolean retriable, Totals totals)
      implements RunOutcome {}

  /**
   * Sums over the run's model calls, and its tool calls.
   *
   * @param iterations model calls made
   * @param costUsd USD
   */
  record Totals(
      String sessionId,
      int iterations,
      long promptTokens,
      long completionTokens,
      BigDecimal costUsd,
      List<ToolCallSummary> toolCalls) {}

  /**
   * One tool call of the run.
   *
   * @param result the tool's output, or null when it failed
   * @param error why it failed, or null
   * @param durationMs in ms
   */
  record ToolCallSummary(
      String id, String name, String arguments, String result, String error, long durationMs) {}
}
