package org.agentry.goal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.agentry.goal.boundary.Goals;
import org.agentry.goal.entity.Goal;
import org.agentry.goal.entity.GoalStep;

/**
 * A goal as the API shows it. Null members are left out.
 *
 * @param status {@code planning}, {@code running}, {@code synthesizing}, {@code completed}, {@code
 *     failed} or {@code cancelled}
 * @param result the synthesis task's output, once {@code completed}
 * @param error why it failed
 * @param steps every step of every plan round (the list view leaves them out)
 * @param usage what the goal's tasks used (the list view leaves it out)
 */
public record GoalResponse(
    String goalId,
    String goal,
    String planner,
    List<String> agents,
    int priority,
    Long budget,
    String status,
    String result,
    String error,
    int replansUsed,
    List<Step> steps,
    Usage usage,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  /**
   * One step.
   *
   * @param round 0 for the first plan, one more per re-plan
   * @param status {@code pending}, {@code running}, {@code completed}, {@code failed}, {@code
   *     replaced} or {@code cancelled}
   * @param taskId the task that runs it, once started
   */
  public record Step(
      String id,
      int round,
      String agent,
      String input,
      List<String> dependsOn,
      String status,
      String taskId,
      String output,
      String error) {

    static Step of(GoalStep step) {
      return new Step(
          step.getStepId(),
          step.getRound(),
          step.getAgent(),
          step.getInput(),
          step.getDependsOn(),
          step.getStatus().apiName(),
          step.getTaskId(),
          step.getOutput(),
          step.getError());
    }
  }

  /** Model calls, tokens and USD of the goal's tasks together. */
  public record Usage(
      long modelCalls, long promptTokens, long completionTokens, BigDecimal costUsd) {}

  static GoalResponse of(Goals.View view) {
    var usage = view.usage();
    return of(
        view.goal(),
        view.steps().stream().map(Step::of).toList(),
        new Usage(
            usage.modelCalls(), usage.promptTokens(), usage.completionTokens(), usage.costUsd()));
  }

  static GoalResponse of(Goal goal, List<Step> steps, Usage usage) {
    return new GoalResponse(
        goal.getId(),
        goal.getText(),
        goal.getPlanner(),
        goal.getAgents(),
        goal.getPriority(),
        goal.getBudget(),
        goal.getStatus().apiName(),
        goal.getResult(),
        goal.getError(),
        goal.getReplansUsed(),
        steps,
        usage,
        goal.getCreatedAt(),
        goal.getUpdatedAt(),
        goal.getFinishedAt());
  }
}
