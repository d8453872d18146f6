package org.agentry.dispatch.control;

import org.agentry.agent.entity.Agent;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.provider.entity.Provider;

/**
 * What a run reads once about its agent, in the claim's one query; each part null when missing.
 *
 * @param budget the agent's budget limits, null when it has none
 */
public record References(Agent agent, Provider provider, AgentBudget budget) {

  /** The agent is gone. */
  public static final References NONE = new References(null, null, null);
}
