package org.agentry.agent.entity;

import org.agentry.platform.entity.InvalidInputException;

/**
 * The limits of one run of an agent (a chat turn or a task); whichever is reached first stops it.
 *
 * @param maxIterations most model calls, 1–1000 (default 10)
 * @param maxDurationSeconds most wall-clock seconds, 1–86400 (default 300)
 * @param tokenBudget most prompt plus completion tokens, or null for no limit
 */
public record AgentLimits(int maxIterations, int maxDurationSeconds, Long tokenBudget) {

  /** 10 iterations, 300 seconds, no token budget. */
  public static final AgentLimits DEFAULT = new AgentLimits(10, 300, null);

  public AgentLimits {
    InvalidInputException.check(
        maxIterations >= 1 && maxIterations <= 1000, "'limits.maxIterations' must be 1 to 1000");
    InvalidInputException.check(
        maxDurationSeconds >= 1 && maxDurationSeconds <= 86_400,
        "'limits.maxDurationSeconds' must be 1 to 86400");
    InvalidInputException.check(
        tokenBudget == null || tokenBudget >= 1, "'limits.tokenBudget' must be positive");
  }
}
