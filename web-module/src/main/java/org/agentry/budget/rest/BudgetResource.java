package org.agentry.budget.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.agentry.agent.boundary.Agents;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.platform.rest.ApiException;
import org.agentry.security.entity.Role;

/**
 * {@code /api/v1/agents/{name}/budget}: limits per UTC day and month, in tokens (prompt plus
 * completion) and USD; an absent limit does not limit. Viewers read; operators set.
 */
@ApplicationScoped
@Path("v1/agents/{name}/budget")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class BudgetResource {

  /** The limits. */
  public record Limits(
      Long dailyTokens, BigDecimal dailyUsd, Long monthlyTokens, BigDecimal monthlyUsd) {

    static Limits of(AgentBudget budget) {
      return new Limits(
          budget.getDailyTokens(),
          strip(budget.getDailyUsd()),
          budget.getMonthlyTokens(),
          strip(budget.getMonthlyUsd()));
    }

    private static BigDecimal strip(BigDecimal value) {
      return value == null ? null : value.stripTrailingZeros();
    }
  }

  @Inject Budgets budgets;
  @Inject Agents agents;

  /** The agent's limits; all absent when none were set. */
  @GET
  public Limits get(@PathParam("name") String agent) {
    agents.get(agent);
    return budgets.limits(agent).map(Limits::of).orElse(new Limits(null, null, null, null));
  }

  /** Replaces the agent's limits. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_NAME)
  public Limits put(@PathParam("name") String agent, Limits limits) {
    if (limits == null) {
      throw ApiException.validation("A JSON body with the limits is required.");
    }
    agents.get(agent);
    return Limits.of(
        budgets.setLimits(
            agent,
            limits.dailyTokens(),
            limits.dailyUsd(),
            limits.monthlyTokens(),
            limits.monthlyUsd()));
  }
}
