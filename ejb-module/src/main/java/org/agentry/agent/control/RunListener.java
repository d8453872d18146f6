package org.agentry.agent.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.math.BigDecimal;
import org.agentry.tool.control.ToolOutcome;

/**
 * What a run tells whoever watches it: a task records each step as an event. Every method has an
 * empty default; a chat watches nothing ({@link #NONE}).
 */
public interface RunListener {

  /** Watches nothing. */
  RunListener NONE = new RunListener() {};

  /** A model call is about to be made with this many messages (system prompt included). */
  default void modelRequest(int iteration, int messages) {}

  /** The model call is on the wire; it may be aborted until {@link #modelCallEnded()}. */
  default void modelCallStarted() {}

  /** The model call returned or failed. */
  default void modelCallEnded() {}

  /**
   * The model answered.
   *
   * @param costUsd the call's cost in USD
   * @param latencyMs the call's duration in ms
   * @param text the reply's text, or null
   * @param toolCalls how many tool calls it asked for
   */
  default void modelResponse(
      int iteration,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs,
      String text,
      int toolCalls) {}

  /** A tool call is about to run. */
  default void toolStart(ToolExecutionRequest call) {}

  /** A tool call ended. */
  default void toolEnd(ToolExecutionRequest call, ToolOutcome outcome) {}
}
