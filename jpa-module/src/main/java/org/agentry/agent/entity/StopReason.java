package org.agentry.agent.entity;

import java.util.Locale;

/** Why a run of the agent loop ended. */
public enum StopReason {
  /** The model gave a final answer. */
  COMPLETED,
  /** The model was called the agent's maximum number of times. */
  MAX_ITERATIONS,
  /** The run took longer than the agent's maximum duration. */
  MAX_DURATION,
  /** Another model call would pass the token budget. */
  BUDGET_EXCEEDED,
  /** The provider failed and retries, if any, did not help. */
  PROVIDER_ERROR,
  /** Someone stopped the run: a cancelled task or a killed session. */
  CANCELLED,
  /**
   * The final answer was not the agent's declared XML output element, also after the allowed
   * repairs.
   */
  OUTPUT_INVALID;

  /** The lower-case name used in the API, e.g. {@code max_iterations}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
