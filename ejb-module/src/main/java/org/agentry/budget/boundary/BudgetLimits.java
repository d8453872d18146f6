package org.agentry.budget.boundary;

import java.math.BigDecimal;
import org.agentry.budget.entity.AgentBudget;

/**
 * The budget limits that apply to one agent's runs, read once when a run starts. Null limits
 * nothing.
 *
 * @param tenant the agent's tenant
 * @param agent the agent's name
 * @param dailyTokens per UTC day, tokens (prompt plus completion)
 * @param dailyUsd per UTC day, USD
 * @param monthlyTokens per UTC month, tokens
 * @param monthlyUsd per UTC month, USD
 * @param sessionMaxTokens per session across its turns and tasks, tokens
 */
public record BudgetLimits(
    String tenant,
    String agent,
    Long dailyTokens,
    BigDecimal dailyUsd,
    Long monthlyTokens,
    BigDecimal monthlyUsd,
    Long sessionMaxTokens) {

  static BudgetLimits of(String tenant, String agent, AgentBudget budget, Long sessionMaxTokens) {
    return budget == null
        ? new BudgetLimits(tenant, agent, null, null, null, null, sessionMaxTokens)
        : new BudgetLimits(
            tenant,
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
