package org.agentry.budget.boundary;

import java.math.BigDecimal;
import org.agentry.budget.entity.AgentBudget;

/**
 * The budget limits that apply to one agent's runs, read once when a run starts. Null limits
 * nothing.
 *
 * @param dailyTokens per UTC day, tokens (prompt plus completion)
 * @param dailyUsd per UTC day, USD
 * @param monthlyTokens per UTC month, tokens
 * @param monthlyUsd per UTC month, USD
 * @param sessionMaxTokens per session across its turns and tasks, tokens
 */
public record BudgetLimits(
    String agent,
    Long dailyTokens,
    BigDecimal dailyUsd,
    Long monthlyTokens,
    BigDecimal monthlyUsd,
    Long sessionMaxTokens) {

  static BudgetLimits of(String agent, AgentBudget budget, Long sessionMaxTokens) {
    return budget == null
        ? new BudgetLimits(agent, null, null, null, null, sessionMaxTokens)
        : new BudgetLimits(
            agent,
            budget.getDailyTokens(),
            budget.getDailyUsd(),
            budget.getMonthlyTokens(),
            budget.getMonthlyUsd(),
            sessionMaxTokens);
  }

  /** Whether any limit is set: when none is, model calls need no reservation. */
  public boolean applies() {
    return hasDaily() || hasMonthly() || sessionMaxTokens != null;
  }

  boolean hasDaily() {
    return dailyTokens != null || dailyUsd != null;
  }

  boolean hasMonthly() {
    return monthlyTokens != null || monthlyUsd != null;
  }
}
