package org.agentry.goal.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/goals}.
 *
 * @param goal what to achieve, 1 to 20,000 characters
 * @param planner the agent that plans the steps and synthesizes the result
 * @param agents the agents steps may use (at most 50); absent for any active agent
 * @param priority 0–9 for every task of the goal, default 4
 * @param budget tokens all the goal's tasks together may use; absent for no bound
 */
public record CreateGoalRequest(
    String goal, String planner, List<String> agents, Integer priority, Long budget) {}
