package org.agentry.goal.control;

import java.util.List;

/**
 * The events of a goal, stored as task events whose {@code taskId} is the goal's id (so that the
 * task event log, its paging and its SSE streams serve goals too) and whose agent is the planner.
 * Each record is written as a JSON object by the shared JSON-B instance.
 */
public final class GoalEvents {

  /** The goal's status changed; same type as a task's status event. */
  public static final String STATUS = "status";

  /** The planner's task for a plan, a repair, a re-plan or the synthesis started. */
  public static final String PLANNER_STARTED = "goal.planner.started";

  /** A plan was accepted and its steps stored. */
  public static final String PLAN = "goal.plan";

  /** A plan was refused; the planner is asked again or the goal fails. */
  public static final String PLAN_INVALID = "goal.plan.invalid";

  /** A step's task started. */
  public static final String STEP_STARTED = "goal.step.started";

  /** A step's task ended. */
  public static final String STEP_ENDED = "goal.step.ended";

  private GoalEvents() {}

  /**
   * @param status the goal's new status as the API names it
   * @param error for {@code failed}: why
   */
  public record Status(String status, String error) {}

  /**
   * @param purpose {@code plan}, {@code repair}, {@code replan} or {@code synthesis}
   */
  public record PlannerStarted(String purpose, String taskId) {}

  /**
   * @param round 0 for the first plan, one more per re-plan
   * @param steps the step ids in the planner's order
   */
  public record Plan(int round, List<String> steps) {}

  /**
   * @param taskId the planner's task whose answer was refused
   * @param error what is wrong with it
   * @param repairsLeft how many more times the planner is asked; 0 fails the goal
   */
  public record PlanInvalid(String taskId, String error, int repairsLeft) {}

  public record StepStarted(String stepId, int round, String agent, String taskId) {}

  /**
   * @param status the task's end: {@code completed}, {@code failed} or {@code cancelled}
   * @param error for a task that did not complete: why, else null
   */
  public record StepEnded(String stepId, int round, String taskId, String status, String error) {}
}
