package org.agentry.client.model;

import java.math.BigDecimal;

/**
 * An agent's budget, {@code GET}/{@code PUT /api/v1/agents/{name}/budget}: limits per UTC day and
 * month in tokens (prompt plus completion) and USD; a null limit does not limit. Once a limit is
 * used up, new chats and tasks get 429 {@code BUDGET_EXHAUSTED}.
 */
public record Budget(
    Long dailyTokens, BigDecimal dailyUsd, Long monthlyTokens, BigDecimal monthlyUsd) {

  /** A daily USD limit only. */
  public static Budget dailyUsd(BigDecimal usd) {
    return new Budget(null, usd, null, null);
  }
}
