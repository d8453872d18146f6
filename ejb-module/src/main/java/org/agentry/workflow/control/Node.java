package org.agentry.workflow.control;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A node of a workflow definition, as {@link DefinitionReader} parsed and checked it. Every node
 * knows its place in the definition ({@code path}, e.g. {@code $.root.steps[2]}) and may carry an
 * {@code id} by which templates name its output ({@code {{nodes.<id>.output}}}).
 */
public sealed interface Node {

  /** The node's JSON path in the definition. */
  String path();

  /** The node's {@code id}, or null. */
  String id();

  /** Runs an agent on its input template. */
  record AgentStep(String path, String id, String agent, String template) implements Node {}

  /** Runs its steps in order; each step's output is the next one's input. */
  record Pipeline(String path, String id, List<Node> steps) implements Node {}

  /** Runs its branches on the same input at once; the output is the JSON array of theirs. */
  record Parallel(String path, String id, List<Node> branches) implements Node {}

  /**
   * Runs its body again on the body's last output until {@code until} holds (null: never) or for
   * {@code maxIterations} iterations.
   */
  record Loop(String path, String id, Node body, Until until, int maxIterations) implements Node {}

  /** Routes its input to the case its label names, else to {@code otherwise}. */
  record Branch(String path, String id, On on, Map<String, Node> cases, Node otherwise)
      implements Node {}

  /**
   * The participants answer the input for {@code rounds} rounds, each seeing the others' previous
   * contributions; then the moderator concludes.
   */
  record Forum(
      String path,
      String id,
      List<String> participants,
      int rounds,
      String moderator,
      String template)
      implements Node {}

  /** When a loop stops. */
  sealed interface Until {}

  /** The output, read as JSON, has {@code equals} (a JSON value) at {@code jsonPath}. */
  record FieldEquals(String jsonPath, jakarta.json.JsonValue equals) implements Until {}

  /** The output holds a match of the pattern. */
  record Matches(Pattern regex) implements Until {}

  /** The judge agent, given the output, answers {@code done}. */
  record Judge(String agent) implements Until {}

  /** What a branch routes on: its label. */
  sealed interface On {}

  /** The label is the value at {@code jsonPath} of the input read as JSON. */
  record Field(String jsonPath) implements On {}

  /** The label is the first group of the pattern's first match (or the match itself). */
  record Regex(Pattern regex) implements On {}

  /** The label is the classifier agent's answer, trimmed. */
  record Classifier(String agent) implements On {}
}
