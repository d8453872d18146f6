package org.agentry.goal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.goal.control.GoalPlan.InvalidPlanException;
import org.agentry.goal.entity.Goal;
import org.agentry.goal.entity.GoalStatus;
import org.agentry.goal.entity.GoalStep;
import org.agentry.goal.entity.GoalStepStatus;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.workflow.control.ChildCancels;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs goals on the task machinery, in the caller's transaction. Every task of a goal is
 * coordinated by {@code goal:<id>:plan}, {@code goal:<id>:synthesis} or {@code goal:<id>:<stepId>};
 * its end ({@link TaskEnded}) advances the goal under the goal's row lock, so that of two steps
 * ending at once the second sees the first's end and exactly one starts what depended on both. The
 * planner's tasks (plan, repairs, re-plans, synthesis) continue one session, so the planner sees
 * its earlier answers.
 */
@ApplicationScoped
public class GoalRuns {

  private static final String PLAN = "plan";
  private static final String SYNTHESIS = "synthesis";

  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject GoalSteps steps;
  @Inject GoalTasks tasks;
  @Inject Event<ChildCancels.Cancel> cancels;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "agentry.goals.max-steps", defaultValue = "20")
  int maxSteps;

  @Inject
  @ConfigProperty(name = "agentry.goals.plan-repairs", defaultValue = "2")
  int planRepairs;

  @Inject
  @ConfigProperty(name = "agentry.goals.replans", defaultValue = "1")
  int replans;

  /** Starts the planner's first task of a new goal. */
  public void start(Goal goal) {
    status(goal, null);
    var input = GoalPrompts.plan(goal, agentList(goal), maxSteps);
    startPlanner(goal, PLAN, input, null);
  }

  /**
   * Cancels the goal: its unfinished steps are {@code cancelled} and its active tasks cancelled
   * after the commit (see {@link ChildCancels}).
   */
  public void cancel(Goal goal) {
    goal.cancel(clock.instant());
    end(goal);
  }

  void onEnded(@Observes TaskEnded ended) {
    var coordinator = ended.task().getCoordinator();
    if (coordinator == null || !coordinator.startsWith(GoalSteps.KIND)) {
      return;
    }
    int colon = coordinator.indexOf(':', GoalSteps.KIND.length());
    if (colon < 0) {
      return;
    }
    var goal =
        em.find(
            Goal.class,
            coordinator.substring(GoalSteps.KIND.length(), colon),
            LockModeType.PESSIMISTIC_WRITE);
    if (goal == null || goal.getStatus().isTerminal()) {
      return; // cancelled meanwhile: nothing waits for the task
    }
    switch (coordinator.substring(colon + 1)) {
      case PLAN -> planEnded(goal, ended.task());
      case SYNTHESIS -> synthesisEnded(goal, ended.task());
      default -> stepEnded(goal, ended.task());
    }
  }

  private void planEnded(Goal goal, Task task) {
    if (goal.getStatus() != GoalStatus.PLANNING) {
      return;
    }
    if (task.getStatus() != TaskStatus.COMPLETED) {
      fail(goal, "the planner's task " + task.getId() + " " + ended(task));
      return;
    }
    var completed = steps.completed(goal.getId());
    var ids = new HashSet<String>();
    completed.forEach(s -> ids.add(s.getStepId()));
    GoalPlan plan;
    try {
      plan = GoalPlan.parse(task.getOutput(), new GoalPlan.Rules(maxSteps, agentRule(goal), ids));
    } catch (InvalidPlanException e) {
      int left = planRepairs - goal.getRepairsUsed();
      append(
          goal,
          GoalEvents.PLAN_INVALID,
          new GoalEvents.PlanInvalid(task.getId(), e.getMessage(), left));
      if (left <= 0) {
        fail(goal, "the plan stayed invalid after " + planRepairs + " repairs: " + e.getMessage());
        return;
      }
      goal.repairAsked(task.getSessionId(), clock.instant());
      startPlanner(
          goal, "repair", GoalPrompts.repair(e.getMessage(), maxSteps), task.getSessionId());
      return;
    }
    int round = goal.getReplansUsed();
    var now = clock.instant();
    for (var step : plan.steps()) {
      em.persist(
          new GoalStep(
              goal.getId(), round, step.id(), step.agent(), step.input(), step.dependsOn(), now));
    }
    goal.planAccepted(task.getSessionId(), now);
    append(
        goal,
        GoalEvents.PLAN,
        new GoalEvents.Plan(round, plan.steps().stream().map(GoalPlan.Step::id).toList()));
    status(goal, null);
    advance(goal);
  }

  private void stepEnded(Goal goal, Task task) {
    var step = steps.byTask(task.getId());
    if (step == null || step.getStatus() != GoalStepStatus.RUNNING) {
      return; // replaced by a re-plan
    }
    var now = clock.instant();
    var error = task.getStatus() == TaskStatus.COMPLETED ? null : ended(task);
    append(
        goal,
        GoalEvents.STEP_ENDED,
        new GoalEvents.StepEnded(
            step.getStepId(), step.getRound(), task.getId(), task.getStatus().apiName(), error));
    if (error == null) {
      step.completed(task.getOutput() == null ? "" : task.getOutput(), now);
      advance(goal);
      return;
    }
    step.failed(task.getAgent() + " task " + task.getId() + " " + error, now);
    if (goal.getReplansUsed() >= replans) {
      fail(goal, "step '" + step.getStepId() + "' failed: " + step.getError());
      return;
    }
    for (var other : steps.round(goal.getId(), step.getRound())) {
      if (other.getStatus() == GoalStepStatus.PENDING
          || other.getStatus() == GoalStepStatus.RUNNING) {
        other.dropped(GoalStepStatus.REPLACED, now);
      }
    }
    cancelTasksAfterCommit(goal);
    goal.replanAsked(now);
    status(goal, null);
    var input = GoalPrompts.replan(step, steps.completed(goal.getId()), maxSteps);
    startPlanner(goal, "replan", input, goal.getPlannerSessionId());
  }

  private void synthesisEnded(Goal goal, Task task) {
    if (goal.getStatus() != GoalStatus.SYNTHESIZING) {
      return;
    }
    if (task.getStatus() != TaskStatus.COMPLETED) {
      fail(goal, "the synthesis task " + task.getId() + " " + ended(task));
      return;
    }
    goal.complete(task.getOutput(), clock.instant());
    status(goal, null);
  }

  /** Starts the steps whose dependencies completed, or the synthesis once every step did. */
  private void advance(Goal goal) {
    var round = steps.round(goal.getId(), goal.getReplansUsed());
    var completed = steps.completed(goal.getId());
    var done = new HashSet<String>();
    completed.forEach(s -> done.add(s.getStepId()));
    var ready = Dag.ready(round, done);
    if (!ready.isEmpty()) {
      var share = tasks.budgetShare(goal, ready.size());
      if (share.isEmpty()) {
        fail(goal, tasks.budgetUsedUp(goal));
        return;
      }
      for (var step : ready) {
        var dependencies =
            completed.stream().filter(s -> step.getDependsOn().contains(s.getStepId())).toList();
        var task =
            tasks.start(
                goal,
                step.getAgent(),
                GoalPrompts.step(step, dependencies),
                null,
                step.getStepId(),
                share.getAsLong(),
                null);
        step.started(task.getId(), clock.instant());
        append(
            goal,
            GoalEvents.STEP_STARTED,
            new GoalEvents.StepStarted(
                step.getStepId(), step.getRound(), step.getAgent(), task.getId()));
      }
    } else if (Dag.allCompleted(round)) {
      goal.synthesizing(clock.instant());
      status(goal, null);
      startPlanner(
          goal, SYNTHESIS, GoalPrompts.synthesis(goal, completed), goal.getPlannerSessionId());
    }
  }

  private void startPlanner(Goal goal, String purpose, String input, String sessionId) {
    var share = tasks.budgetShare(goal, 1);
    if (share.isEmpty()) {
      fail(goal, tasks.budgetUsedUp(goal));
      return;
    }
    var suffix = SYNTHESIS.equals(purpose) ? SYNTHESIS : PLAN;
    // a plan is structured output: the loop sends and checks the plan's schema
    var schema = SYNTHESIS.equals(purpose) ? null : GoalPlan.SCHEMA;
    var task =
        tasks.start(goal, goal.getPlanner(), input, sessionId, suffix, share.getAsLong(), schema);
    append(goal, GoalEvents.PLANNER_STARTED, new GoalEvents.PlannerStarted(purpose, task.getId()));
  }

  private void fail(Goal goal, String error) {
    goal.fail(error, clock.instant());
    end(goal);
  }

  private void end(Goal goal) {
    var now = clock.instant();
    for (var step : steps.all(goal.getId())) {
      if (step.getStatus() == GoalStepStatus.PENDING
          || step.getStatus() == GoalStepStatus.RUNNING) {
        step.dropped(GoalStepStatus.CANCELLED, now);
      }
    }
    cancelTasksAfterCommit(goal);
    status(goal, goal.getError());
  }

  /**
   * Cancels the goal's active tasks once this transaction committed, each in its own transaction: a
   * task ending meanwhile locks its own row and then the goal's, so cancelling it here (goal's row,
   * then the task's) could deadlock with it.
   */
  private void cancelTasksAfterCommit(Goal goal) {
    em.flush();
    var active = steps.activeTasks(goal.getId());
    if (!active.isEmpty()) {
      cancels.fire(new ChildCancels.Cancel(goal.getTenant(), active));
    }
  }

  /** How the task ended, for an error: {@code failed: <message>}. */
  private static String ended(Task task) {
    var detail = task.getErrorMessage() == null ? "" : ": " + task.getErrorMessage();
    return task.getStatus().apiName() + detail;
  }

  /** Why a step may not use an agent, or null when it may. */
  private java.util.function.Function<String, String> agentRule(Goal goal) {
    return name -> {
      if (!goal.getAgents().isEmpty() && !goal.getAgents().contains(name)) {
        return "is not among the goal's agents";
      }
      var agent = name == null ? null : em.find(Agent.class, new TenantKey(goal.getTenant(), name));
      if (agent == null) {
        return "does not exist";
      }
      return agent.acceptsWork() ? null : "is paused or disabled";
    };
  }

  /** The agents the planner may give steps to, as {@code - <name>: <description>} lines. */
  private List<String> agentList(Goal goal) {
    var agents =
        goal.getAgents().isEmpty()
            ? em.createNamedQuery(Agent.FIND_ALL, Agent.class)
                .setParameter("tenant", goal.getTenant())
                .setMaxResults(100)
                .getResultList()
            : goal.getAgents().stream()
                .map(n -> em.find(Agent.class, new TenantKey(goal.getTenant(), n)))
                .toList();
    var lines = new ArrayList<String>();
    for (var agent : agents) {
      if (agent != null && agent.acceptsWork()) {
        var description = agent.spec().description();
        lines.add(
            "- "
                + agent.getName()
                + (description == null || description.isBlank() ? "" : ": " + description));
      }
    }
    return lines;
  }

  private void status(Goal goal, String error) {
    append(goal, GoalEvents.STATUS, new GoalEvents.Status(goal.getStatus().apiName(), error));
  }

  private void append(Goal goal, String type, Object data) {
    events.append(goal.getId(), goal.getPlanner(), type, Jsons.jsonb().toJson(data));
  }
}
