package org.agentry.goal.control;

import java.util.List;
import java.util.Set;
import org.agentry.goal.entity.GoalStep;
import org.agentry.goal.entity.GoalStepStatus;

/** Which steps of a goal may start, and whether all are done: the DAG's rules, without state. */
final class Dag {

  private Dag() {}

  /**
   * The pending steps whose dependencies all completed, in the given order.
   *
   * @param steps the current round's steps
   * @param completed ids of every completed step of the goal, earlier rounds included
   */
  static List<GoalStep> ready(List<GoalStep> steps, Set<String> completed) {
    return steps.stream()
        .filter(s -> s.getStatus() == GoalStepStatus.PENDING)
        .filter(s -> completed.containsAll(s.getDependsOn()))
        .toList();
  }

  /** Whether every step of the round completed. */
  static boolean allCompleted(List<GoalStep> steps) {
    return steps.stream().allMatch(s -> s.getStatus() == GoalStepStatus.COMPLETED);
  }
}
