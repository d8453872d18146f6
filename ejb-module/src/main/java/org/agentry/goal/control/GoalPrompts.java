package org.agentry.goal.control;

import java.util.List;
import org.agentry.goal.entity.Goal;
import org.agentry.goal.entity.GoalStep;

/**
 * The inputs of a goal's tasks. A step's input is the planner's input for it, followed by the
 * outputs of the steps it depends on, each under a {@code ## <step id> (<agent>)} heading. Every
 * input is cut to the 100,000 characters a task takes.
 */
final class GoalPrompts {

  private static final int MAX_INPUT = 100_000;

  private GoalPrompts() {}

  /** The first planning request: the goal, the agents to use and the plan's JSON schema. */
  static String plan(Goal goal, List<String> agents, int maxSteps) {
    return cut(
        "Plan this goal as steps for other agents.\n\nGoal:\n"
            + goal.getText()
            + "\n\nAgents you may give steps to:\n"
            + String.join("\n", agents)
            + "\n\n"
            + format(maxSteps));
  }

  /** Asks the planner again after its plan was refused. */
  static String repair(String error, int maxSteps) {
    return "Your plan was refused: " + error + "\n\nAnswer again. " + format(maxSteps);
  }

  /** Asks for a new plan for the rest after a step failed. */
  static String replan(GoalStep failed, List<GoalStep> completed, int maxSteps) {
    return cut(
        "Step '"
            + failed.getStepId()
            + "' ("
            + failed.getAgent()
            + ") failed: "
            + failed.getError()
            + "\n\nCompleted steps and their outputs:\n"
            + outputs(completed)
            + "\n\nPlan the rest of the goal anew. Steps may depend on the completed steps' ids;"
            + " new step ids must differ from them. "
            + format(maxSteps));
  }

  /** A step's input with its dependencies' outputs. */
  static String step(GoalStep step, List<GoalStep> dependencies) {
    if (dependencies.isEmpty()) {
      return cut(step.getInput());
    }
    return cut(
        step.getInput()
            + "\n\nOutputs of the steps this one depends on:\n"
            + outputs(dependencies));
  }

  /** The synthesis request: the goal and every completed step's output. */
  static String synthesis(Goal goal, List<GoalStep> completed) {
    return cut(
        "Every step of the goal is done.\n\nGoal:\n"
            + goal.getText()
            + "\n\nStep outputs:\n"
            + outputs(completed)
            + "\n\nWrite the goal's final result.");
  }

  private static String format(int maxSteps) {
    return "Answer with only a JSON object, no other text, of this JSON schema: "
        + GoalPlan.SCHEMA
        + " For example {\"steps\":[{\"id\":\"s1\",\"agent\":\"researcher\",\"input\":\"...\","
        + "\"dependsOn\":[]}]}. At most "
        + maxSteps
        + " steps; ids unique; dependsOn lists the steps whose outputs a step needs; no cycles.";
  }

  private static String outputs(List<GoalStep> steps) {
    var text = new StringBuilder();
    for (var step : steps) {
      text.append("\n## ")
          .append(step.getStepId())
          .append(" (")
          .append(step.getAgent())
          .append(")\n")
          .append(step.getOutput() == null ? "" : step.getOutput())
          .append('\n');
    }
    return text.toString();
  }

  private static String cut(String input) {
    return input.length() <= MAX_INPUT ? input : input.substring(0, MAX_INPUT);
  }
}
