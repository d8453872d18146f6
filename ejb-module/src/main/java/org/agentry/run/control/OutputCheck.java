package org.agentry.run.control;

/**
 * A check of a run's final answer: an answer it refuses goes back to the model with what is wrong,
 * at most {@link #maxRepairs()} times, before the run stops with {@code output_invalid}.
 */
public interface OutputCheck {

  /**
   * @return null when the answer passes, else what is wrong, in words for the model
   */
  String refusal(String answer);

  /** The user message that sends a refused answer back to the model. */
  String repairPrompt(String refusal);

  /** How many refused answers go back to the model (0 or more). */
  int maxRepairs();

  /**
   * What the answer should have been, for the run's error, e.g. {@code a valid <report> element}.
   */
  String expected();
}
