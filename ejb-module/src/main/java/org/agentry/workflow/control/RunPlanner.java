package org.agentry.workflow.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.agentry.platform.entity.Jsons;
import org.agentry.workflow.entity.WorkflowStatus;

/**
 * The node state machine of a workflow run, without the database: given the definition, the run's
 * input and what is known of its nodes (by node path), it walks the tree from the root and says
 * which agent steps to start now, which composite nodes were reached, completed or failed, and
 * where the run stands. Walking again with the same knowledge plans nothing new, so a run resumed
 * from its rows (after a crash, say) goes on from where it was and starts no node twice.
 *
 * <p>Node paths are the definition's JSON paths with each loop iteration marked on the loop's body
 * ({@code $.root.body@2.steps[0]}) or judge ({@code $.root.until@2}); a branch's classifier is at
 * {@code <branch>.on}, a forum's contributions at {@code <forum>.rounds[r].participants[i]} and its
 * conclusion at {@code <forum>.moderator}.
 */
public final class RunPlanner {

  /** What is known of a node: its status, and its output or error once it ended. */
  public record Known(WorkflowStatus status, String output, String error) {}

  /** Where a node (or the run) stands. */
  public sealed interface Result {}

  /** It has not ended: a step runs, or it waits for another node's output. */
  public record Pending() implements Result {}

  /** It completed with this output. */
  public record Done(String output) implements Result {}

  /** It failed; the error names the path of the step that failed. */
  public record Failed(String error) implements Result {}

  /** An agent step to start: a task running {@code agent} on {@code input}. */
  public record Start(
      String path, int iteration, String nodeId, String kind, String agent, String input) {}

  /** A change of a composite node to record. */
  public sealed interface Change {
    String path();
  }

  /** A composite node reached for the first time. */
  public record Reached(String path, int iteration, String nodeId, String kind) implements Change {}

  /** A composite node completed. */
  public record Completed(String path, String output) implements Change {}

  /** A composite node failed. */
  public record Ended(String path, String error) implements Change {}

  /**
   * A plan.
   *
   * @param root where the run stands
   * @param starts the steps to start, in the order the walk reached them
   * @param changes the composite nodes' changes
   * @param waitingOn ids of nodes whose output a template needs and that have none yet
   */
  public record Plan(
      Result root, List<Start> starts, List<Change> changes, Set<String> waitingOn) {}

  private static final Pending PENDING = new Pending();

  private final String runInput;
  private final Map<String, Known> known;
  private final Map<String, String> latest;
  private final List<Start> starts = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final Set<String> waitingOn = new LinkedHashSet<>();
  private boolean progressed;

  private RunPlanner(String runInput, Map<String, Known> known, Map<String, String> latest) {
    this.runInput = runInput;
    this.known = new HashMap<>(known);
    this.latest = new HashMap<>(latest);
  }

  /**
   * Plans the next moves of a run.
   *
   * @param known what is known of the nodes reached so far, by node path
   * @param latestOutputs the latest output of each node with an id that completed, by id
   */
  public static Plan plan(
      Node root, String input, Map<String, Known> known, Map<String, String> latestOutputs) {
    var planner = new RunPlanner(input, known, latestOutputs);
    Result result;
    do {
      planner.progressed = false;
      planner.waitingOn.clear();
      result = planner.eval(root, root.path(), 0, input);
    } while (result instanceof Pending && planner.progressed);
    return new Plan(result, planner.starts, planner.changes, Set.copyOf(planner.waitingOn));
  }

  private Result eval(Node node, String path, int iteration, String input) {
    if (node instanceof Node.AgentStep step) {
      var text = Templates.render(step.template(), input, this::outputOf);
      return step(path, iteration, step.id(), "agent", step.agent(), text);
    }
    return composite(node, path, iteration, () -> inside(node, path, iteration, input));
  }

  private Result inside(Node node, String path, int iteration, String input) {
    if (node instanceof Node.Pipeline pipeline) {
      var value = input;
      for (var step : pipeline.steps()) {
        var result = eval(step, child(path, node, step), iteration, value);
        if (!(result instanceof Done done)) {
          return result;
        }
        value = done.output();
      }
      return new Done(value);
    }
    if (node instanceof Node.Parallel parallel) {
      return parallel(parallel, path, iteration, input);
    }
    if (node instanceof Node.Loop loop) {
      return loop(loop, path, input);
    }
    if (node instanceof Node.Branch branch) {
      return branch(branch, path, iteration, input);
    }
    return forum((Node.Forum) node, path, iteration, input);
  }

  private Result parallel(Node.Parallel parallel, String path, int iteration, String input) {
    var outputs = Jsons.createArrayBuilder();
    Result pending = null;
    for (var branch : parallel.branches()) {
      var result = eval(branch, child(path, parallel, branch), iteration, input);
      if (result instanceof Failed) {
        return result;
      }
      if (result instanceof Done done) {
        outputs.add(done.output());
      } else {
        pending = result;
      }
    }
    return pending != null ? pending : new Done(outputs.build().toString());
  }

  private Result loop(Node.Loop loop, String path, String input) {
    var value = input;
    for (int n = 0; n < loop.maxIterations(); n++) {
      var result = eval(loop.body(), child(path, loop, loop.body()) + "@" + n, n, value);
      if (!(result instanceof Done done)) {
        return result;
      }
      value = done.output();
      var stop = until(loop, path, n, value);
      if (!(stop instanceof Done verdict)) {
        return stop;
      }
      if (verdict.output() != null || n == loop.maxIterations() - 1) {
        return new Done(value);
      }
    }
    return new Done(value);
  }

  /** Done(non-null) when the loop stops after iteration n, Done(null) when it goes on. */
  private Result until(Node.Loop loop, String path, int n, String output) {
    var until = loop.until();
    boolean stop;
    if (until == null) {
      stop = false;
    } else if (until instanceof Node.FieldEquals field) {
      var value = JsonPaths.select(output, field.jsonPath());
      stop = value != null && value.equals(field.equals());
    } else if (until instanceof Node.Matches matches) {
      stop = matches.regex().matcher(output).find();
    } else {
      var judge = (Node.Judge) until;
      var verdict = step(path + ".until@" + n, n, null, "judge", judge.agent(), output);
      if (!(verdict instanceof Done done)) {
        return verdict;
      }
      stop = done.output().strip().toLowerCase(java.util.Locale.ROOT).matches("(?s)\\W*done\\b.*");
    }
    return new Done(stop ? "stop" : null);
  }

  private Result branch(Node.Branch branch, String path, int iteration, String input) {
    String label;
    if (branch.on() instanceof Node.Field field) {
      var value = JsonPaths.select(input, field.jsonPath());
      label = value == null ? null : JsonPaths.text(value);
    } else if (branch.on() instanceof Node.Regex regex) {
      var matcher = regex.regex().matcher(input);
      label = null;
      if (matcher.find()) {
        label =
            matcher.groupCount() > 0 && matcher.group(1) != null
                ? matcher.group(1)
                : matcher.group();
      }
    } else {
      var classifier = (Node.Classifier) branch.on();
      var answer = step(path + ".on", iteration, null, "classifier", classifier.agent(), input);
      if (!(answer instanceof Done done)) {
        return answer;
      }
      label = done.output().strip();
    }
    var chosen = branch.otherwise();
    if (label != null) {
      for (var entry : branch.cases().entrySet()) {
        if (entry.getKey().equalsIgnoreCase(label)) {
          chosen = entry.getValue();
          if (entry.getKey().equals(label)) {
            break;
          }
        }
      }
    }
    return eval(chosen, child(path, branch, chosen), iteration, input);
  }

  private Result forum(Node.Forum forum, String path, int iteration, String input) {
    var topic = Templates.render(forum.template(), input, this::outputOf);
    if (topic == null) {
      return PENDING;
    }
    var participants = forum.participants();
    var transcript = new StringBuilder(topic).append("\n\nThe forum's contributions:");
    List<String> previous = null;
    for (int r = 0; r < forum.rounds(); r++) {
      var outputs = new ArrayList<String>();
      Result pending = null;
      for (int i = 0; i < participants.size(); i++) {
        var text = previous == null ? topic : contribution(topic, r, i, participants, previous);
        var at = path + ".rounds[" + r + "].participants[" + i + "]";
        var result = step(at, iteration, null, "participant", participants.get(i), text);
        if (result instanceof Failed) {
          return result;
        }
        if (result instanceof Done done) {
          outputs.add(done.output());
        } else {
          pending = result;
        }
      }
      if (pending != null) {
        return pending;
      }
      transcript.append("\nRound ").append(r + 1).append(':');
      for (int i = 0; i < participants.size(); i++) {
        transcript.append("\n[").append(participants.get(i)).append("]: ").append(outputs.get(i));
      }
      previous = outputs;
    }
    return step(
        path + ".moderator",
        iteration,
        null,
        "moderator",
        forum.moderator(),
        transcript.toString());
  }

  private static String contribution(
      String topic, int round, int self, List<String> participants, List<String> previous) {
    var text =
        new StringBuilder(topic)
            .append("\n\nThe others' contributions in round ")
            .append(round)
            .append(':');
    for (int i = 0; i < participants.size(); i++) {
      if (i != self) {
        text.append("\n[").append(participants.get(i)).append("]: ").append(previous.get(i));
      }
    }
    return text.toString();
  }

  /** An agent step: started when first reached with its input ready. */
  private Result step(
      String path, int iteration, String nodeId, String kind, String agent, String input) {
    var node = known.get(path);
    if (node != null) {
      return switch (node.status()) {
        case RUNNING -> PENDING;
        case COMPLETED -> new Done(node.output() == null ? "" : node.output());
        default -> new Failed(path + ": " + node.error());
      };
    }
    if (input == null) {
      return PENDING; // a template names a node without output yet
    }
    starts.add(new Start(path, iteration, nodeId, kind, agent, input));
    known.put(path, new Known(WorkflowStatus.RUNNING, null, null));
    return PENDING;
  }

  private Result composite(Node node, String path, int iteration, Supplier<Result> inside) {
    var state = known.get(path);
    if (state != null && state.status() == WorkflowStatus.COMPLETED) {
      return new Done(state.output());
    }
    if (state != null && state.status() != WorkflowStatus.RUNNING) {
      return new Failed(state.error());
    }
    if (state == null) {
      changes.add(new Reached(path, iteration, node.id(), kind(node)));
      known.put(path, new Known(WorkflowStatus.RUNNING, null, null));
    }
    var result = inside.get();
    if (result instanceof Done done) {
      changes.add(new Completed(path, done.output()));
      known.put(path, new Known(WorkflowStatus.COMPLETED, done.output(), null));
      if (node.id() != null) {
        latest.put(node.id(), done.output());
      }
      progressed = true;
    } else if (result instanceof Failed failed) {
      changes.add(new Ended(path, failed.error()));
      known.put(path, new Known(WorkflowStatus.FAILED, null, failed.error()));
    }
    return result;
  }

  private String outputOf(String id) {
    var output = latest.get(id);
    if (output == null) {
      waitingOn.add(id);
    }
    return output;
  }

  /** The child's path under its parent's: the parent's path and the child's own last part. */
  private static String child(String path, Node parent, Node child) {
    return path + child.path().substring(parent.path().length());
  }

  /** The API name of a composite node's kind. */
  static String kind(Node node) {
    if (node instanceof Node.Pipeline) {
      return "pipeline";
    }
    if (node instanceof Node.Parallel) {
      return "parallel";
    }
    if (node instanceof Node.Loop) {
      return "loop";
    }
    if (node instanceof Node.Branch) {
      return "branch";
    }
    return node instanceof Node.Forum ? "forum" : "agent";
  }
}
