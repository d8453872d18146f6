package org.agentry.goal.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agentry.agent.entity.Agent;
import org.agentry.audit.control.AuditLog;
import org.agentry.goal.control.GoalRuns;
import org.agentry.goal.control.GoalSteps;
import org.agentry.goal.entity.Goal;
import org.agentry.goal.entity.GoalStatus;
import org.agentry.goal.entity.GoalStep;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.run.control.Admission;
import org.agentry.task.control.TaskEvents;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;

/**
 * Goals as their owners see them: submit, read, list, cancel. Submitting stores the goal {@code
 * planning} and starts the planner's task in one transaction; what follows is {@link GoalRuns}', on
 * each task's end.
 */
@Stateless
public class Goals {

  /** Most agents one goal may name. */
  public static final int MAX_AGENTS = 50;

  /** A goal with its steps and what its tasks used. */
  public record View(Goal goal, List<GoalStep> steps, GoalSteps.Usage usage) {}

  /** A position in the goal list: the last goal seen. */
  public record Cursor(Instant createdAt, String id) {}

  @PersistenceContext EntityManager em;

  @Inject GoalRuns runs;
  @Inject GoalSteps steps;
  @Inject TaskEvents events;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CallerTenant tenant;

  /**
   * Submits a goal.
   *
   * @param agents the agents steps may use, at most {@value #MAX_AGENTS}; empty for any active one
   * @param budget tokens every task of the goal together may use, or null
   * @throws UnknownResourceException {@code AGENT_NOT_FOUND} for an unknown planner or agent
   * @throws StateConflictException {@code AGENT_PAUSED} or {@code AGENT_DISABLED} for the planner
   * @throws InvalidInputException for a text, priority, budget or agent list that breaks a rule
   */
  public Goal submit(String text, String planner, List<String> agents, int priority, Long budget) {
    InvalidInputException.check(
        agents == null || agents.stream().allMatch(java.util.Objects::nonNull),
        "'agents' must be agent names");
    var names = agents == null ? List.<String>of() : List.copyOf(agents);
    InvalidInputException.check(
        names.size() <= MAX_AGENTS, "'agents' may name at most " + MAX_AGENTS + " agents");
    InvalidInputException.check(
        names.stream().distinct().count() == names.size(), "'agents' names an agent twice");
    var agent = planner == null ? null : em.find(Agent.class, new TenantKey(tenant.id(), planner));
    if (agent == null) {
      throw new UnknownResourceException("agent", planner);
    }
    Admission.requireTakesWork(agent);
    for (var name : names) {
      if (name == null || em.find(Agent.class, new TenantKey(tenant.id(), name)) == null) {
        throw new UnknownResourceException("agent", name);
      }
    }
    var goal = new Goal(tenant.id(), text, planner, names, priority, budget, clock.instant());
    em.persist(goal);
    audit.record("goal.submit", "goal", goal.getId(), "planner " + planner);
    runs.start(goal);
    events.write();
    return goal;
  }

  /**
   * The goal, its steps and its usage.
   *
   * @throws UnknownResourceException {@code GOAL_NOT_FOUND}
   */
  public View get(String id) {
    var goal = find(id);
    return new View(goal, steps.all(id), steps.usage(id));
  }

  /**
   * Goals, newest first, after the cursor.
   *
   * @param status null for all
   */
  public List<Goal> list(GoalStatus status, Cursor after, int limit) {
    var where = new ArrayList<String>(List.of("g.tenant = :tenant"));
    var params = new HashMap<String, Object>(Map.of("tenant", tenant.id()));
    if (status != null) {
      where.add("g.status = :status");
      params.put("status", status);
    }
    if (after != null) {
      where.add("(g.createdAt < :at OR (g.createdAt = :at AND g.id < :id))");
      params.put("at", after.createdAt());
      params.put("id", after.id());
    }
    var query =
        em.createQuery(
            "SELECT g FROM Goal g"
                + " WHERE "
                + String.join(" AND ", where)
                + " ORDER BY g.createdAt DESC, g.id DESC",
            Goal.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Cancels the goal and, after the commit, its active tasks.
   *
   * @throws UnknownResourceException {@code GOAL_NOT_FOUND}
   * @throws StateConflictException {@code GOAL_FINISHED} if it has ended
   */
  public Goal cancel(String id) {
    audit.record("goal.cancel", "goal", id);
    var goal = id == null ? null : em.find(Goal.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (goal == null || !goal.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("goal", id);
    }
    if (goal.getStatus().isTerminal()) {
      throw new StateConflictException("GOAL_FINISHED", "The goal has ended already.");
    }
    runs.cancel(goal);
    events.write();
    return goal;
  }

  /**
   * The goal.
   *
   * @throws UnknownResourceException {@code GOAL_NOT_FOUND}
   */
  public Goal find(String id) {
    var goal = id == null ? null : em.find(Goal.class, id);
    if (goal == null || !goal.getTenant().equals(tenant.id())) { // another tenant's: not found
      throw new UnknownResourceException("goal", id);
    }
    return goal;
  }
}
