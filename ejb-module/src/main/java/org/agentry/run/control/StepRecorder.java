package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.math.BigDecimal;
import java.util.List;
import org.agentry.budget.boundary.Reservation;
import org.agentry.tool.control.ToolOutcome;

/**
 * Writes what a run produces, one transaction per call, and tells the run when to stop. A task's
 * recorder writes task events and fences every write with the run's lease token; a chat's writes
 * the session only. No method is called while a transaction is open.
 */
public interface StepRecorder {

  /** A model call about to be made; a recorder that wrote it already (with the last step) skips. */
  void modelRequest(ModelRequest request);

  /** The model call is on the wire; it may be aborted until {@link #modelCallEnded()}. */
  default void modelCallStarted() {}

  /** The model call returned or failed. */
  default void modelCallEnded() {}

  /** The model asked for tools: writes its reply, usage and the tool calls about to run. */
  void modelResponded(ModelStep step);

  /**
   * The model's final answer was not the agent's XML output element: writes the reply with its
   * usage, and the user message that asks the model to repair it, so that the session's history
   * stays a conversation.
   *
   * @param request the repair request's text
   */
  void repairRequested(ModelStep step, String request);

  /**
   * The step's tool calls ran: writes their results, and the next model request when there is one.
   *
   * @param next the request the loop will make next, or null
   */
  void toolsRan(List<ToolRun> runs, ModelRequest next);

  /**
   * A tool call's attempt failed and the call runs again after {@code delay} (its tool's {@link
   * org.agentry.tool.control.ToolRetry}); a task's recorder writes a {@code tool.retry} event.
   *
   * @param attempt the attempt that failed, 1 for the first
   * @param error why it failed
   */
  default void toolRetrying(
      ToolExecutionRequest call, int attempt, String error, java.time.Duration delay) {}

  /**
   * A tool call's arguments broke the tool's JSON schema and the model is asked to call again (its
   * tool's {@link org.agentry.tool.control.ToolRecovery} repair part); a task's recorder writes a
   * {@code tool.repair} event.
   *
   * @param attempt the model's call of the tool in a row with invalid arguments, 1 for the first
   * @param errors the validation errors, each {@code <JSON Pointer>: <what is wrong>}
   */
  default void toolRepairing(ToolExecutionRequest call, int attempt, List<String> errors) {}

  /** The run ended: writes its last step (if any) and its outcome together. */
  void finish(Ending ending);

  /** Whether the run must stop at its next step: cancelled, or (in a task) its lease is lost. */
  boolean shouldStop();

  /**
   * A model call about to be made.
   *
   * @param messages messages sent, the system prompt included
   */
  record ModelRequest(int iteration, int messages) {}

  /**
   * What one model call produced.
   *
   * @param toolCalls the tool calls it asked for, empty for a final answer
   * @param costUsd from the provider's price table, USD
   * @param latencyMs the call's duration, retries included
   * @param reservation the budget held for the call, settled when this step is written
   */
  record ModelStep(
      int iteration,
      String model,
      String text,
      List<ToolExecutionRequest> toolCalls,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs,
      Reservation reservation) {}

  /** A tool call and what it gave. */
  record ToolRun(ToolExecutionRequest call, ToolOutcome outcome) {}

  /**
   * The end of a run.
   *
   * @param step the last model call's step when it was not written yet, else null
   * @param released a reservation to give back unused (a failed model call), else null
   * @param toolRuns tool calls whose results are still to be written (skipped ones included)
   */
  record Ending(ModelStep step, Reservation released, List<ToolRun> toolRuns, RunOutcome outcome) {}
}
