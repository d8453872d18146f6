package org.agentry.run.boundary;

import java.util.List;
import org.agentry.agent.entity.AgentSpec;
import org.agentry.budget.boundary.BudgetLimits;
import org.agentry.provider.entity.Provider;
import org.agentry.session.entity.Message;

/**
 * What a chat turn starts from, read in one transaction.
 *
 * @param provider the agent's provider, detached (it holds the API key: keep it in memory only)
 * @param history the session's messages before this turn's user message
 * @param limits the agent's budget limits, read once for the turn
 */
public record TurnStart(
    String agent,
    AgentSpec spec,
    Provider provider,
    String sessionId,
    List<Message> history,
    BudgetLimits limits) {}
