package org.agentry.goal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.agentry.goal.entity.Goal;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a goal's tasks in the caller's transaction, sent to the queue after the commit, and splits
 * the goal's token budget between them.
 */
@ApplicationScoped
public class GoalTasks {

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject GoalSteps steps;
  @Inject Event<TaskReady> ready;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.max-attempts", defaultValue = "3")
  int maxAttempts;

  /**
   * Starts a task of the goal: its priority, coordinated by {@code goal:<id>:<part>}.
   *
   * @param sessionId the session to continue (the planner's), or null for a new one
   * @param tokenBudget the task's token budget, or 0 for the agent's own
   * @param responseSchema the JSON Schema its answer must match (the planner's plan), or null
   */
  Task start(
      Goal goal,
      String agent,
      String input,
      String sessionId,
      String part,
      long tokenBudget,
      String responseSchema) {
    var now = clock.instant();
    var spec =
        new TaskSpec(
            input,
            goal.getPriority(),
            List.of(),
            sessionId,
            null,
            null,
            null,
            tokenBudget > 0 ? tokenBudget : null,
            null,
            responseSchema);
    var task = new Task(goal.getTenant(), agent, spec, maxAttempts, now);
    task.coordinatedBy(GoalSteps.KIND + goal.getId() + ":" + part);
    em.persist(task);
    events.append(task.getId(), agent, Status.queued(task.getPriority()));
    task.enqueued(now);
    ready.fire(new TaskReady(task.getId(), task.getPriority()));
    return task;
  }

  /**
   * The token budget each of {@code count} new tasks gets: what is left of the goal's budget after
   * the tokens its tasks used so far, split evenly, at least 1; 0 (the agents' own budgets) for a
   * goal without a budget; empty when nothing is left.
   */
  OptionalLong budgetShare(Goal goal, int count) {
    if (goal.getBudget() == null) {
      return OptionalLong.of(0);
    }
    long left = goal.getBudget() - steps.usage(goal.getId()).tokens();
    return left <= 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, left / count));
  }

  /** The error of a goal whose budget is used up. */
  String budgetUsedUp(Goal goal) {
    return "the goal's token budget of "
        + goal.getBudget()
        + " is used up ("
        + steps.usage(goal.getId()).tokens()
        + " tokens)";
  }
}
