package org.agentry.workflow.control;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A workflow template with states (a definition of {@code "kind": "stateMachine"}): each state runs
 * an agent, waits for an external event, or ends the run; transitions are chosen by the agent
 * step's outcome ({@code completed}, {@code failed}, or a label its output holds) or by the event's
 * type. Each state's input is the previous state's output (or the event's payload).
 *
 * @param initial the state a run enters first
 * @param states by name
 * @param maxTransitions how many transitions a run may take before it fails
 */
public record StateMachine(String initial, Map<String, State> states, int maxTransitions) {

  /** The transition key of a completed agent step with no label found in its output. */
  public static final String COMPLETED = "completed";

  /** The transition key of a failed agent step. */
  public static final String FAILED = "failed";

  /** A state. */
  public sealed interface State {}

  /**
   * Runs {@code agent} on the template; {@code on} maps {@code completed}, {@code failed} or a
   * label to the next state.
   */
  public record AgentState(String agent, String template, Map<String, String> on)
      implements State {}

  /** Waits for an event; {@code on} maps event types to the next state. */
  public record WaitState(Map<String, String> on) implements State {}

  /** Ends the run: {@code completed} with the state's input as output, or {@code failed}. */
  public record FinalState(boolean completed) implements State {}

  /**
   * The transition key of an agent step's end: {@value #FAILED} when it failed; else the first
   * label of {@code on} (in definition order, other than completed and failed) that the output
   * holds as a whole word, ignoring case; else {@value #COMPLETED}.
   */
  public static String outcome(AgentState state, boolean completed, String output) {
    if (!completed) {
      return FAILED;
    }
    for (var label : state.on().keySet()) {
      if (label.equals(COMPLETED) || label.equals(FAILED)) {
        continue;
      }
      var word =
          Pattern.compile(
              "(?<![\\w-])" + Pattern.quote(label.toLowerCase(Locale.ROOT)) + "(?![\\w-])");
      if (word.matcher(output.toLowerCase(Locale.ROOT)).find()) {
        return label;
      }
    }
    return COMPLETED;
  }
}
