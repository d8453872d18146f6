package org.agentry.workflow.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentry.workflow.control.WorkflowInvalidException.Violation;

/**
 * Checks the references between a definition's nodes: a template may name only nodes that exist,
 * and no node may need its own output. A node needs its children's outputs (a composite's output is
 * made of them), its input's source (the previous step of a pipeline, else what its parent's input
 * needs) and the nodes its template names; a cycle in that graph would wait for ever.
 */
final class DefinitionCycles {

  private final Map<String, String> idPaths;
  private final Map<String, Set<String>> needs = new LinkedHashMap<>();

  DefinitionCycles(Map<String, String> idPaths) {
    this.idPaths = idPaths;
  }

  /** Adds a violation for each unknown reference, self-reference and cycle found. */
  void check(Node root, List<Violation> violations) {
    edges(root, null, violations);
    if (!violations.isEmpty()) {
      return;
    }
    var state = new HashMap<String, Boolean>(); // false: on the stack, true: done
    for (var path : needs.keySet()) {
      if (!state.containsKey(path) && visit(path, state, new ArrayList<>(), violations)) {
        return;
      }
    }
  }

  private void edges(Node node, String inputSource, List<Violation> violations) {
    var edges = needs.computeIfAbsent(node.path(), p -> new LinkedHashSet<>());
    if (inputSource != null) {
      edges.add(inputSource);
    }
    String template = null;
    if (node instanceof Node.AgentStep step) {
      template = step.template();
    } else if (node instanceof Node.Forum forum) {
      template = forum.template();
    }
    for (var id : template == null ? Set.<String>of() : Templates.references(template)) {
      var target = idPaths.get(id);
      if (target == null) {
        violations.add(
            new Violation(
                node.path(), "{{nodes." + id + ".output}}: no node has the id '" + id + "'"));
      } else if (target.equals(node.path())) {
        violations.add(new Violation(node.path(), "the node refers to its own output"));
      } else {
        edges.add(target);
      }
    }
    if (node instanceof Node.Pipeline pipeline) {
      String previous = inputSource;
      for (var step : pipeline.steps()) {
        edges.add(step.path());
        edges(step, previous, violations);
        previous = step.path();
      }
    } else if (node instanceof Node.Parallel parallel) {
      children(node, parallel.branches(), inputSource, violations);
    } else if (node instanceof Node.Loop loop) {
      children(node, List.of(loop.body()), inputSource, violations);
    } else if (node instanceof Node.Branch branch) {
      var children = new ArrayList<>(branch.cases().values());
      children.add(branch.otherwise());
      children(node, children, inputSource, violations);
    }
  }

  private void children(
      Node parent, List<Node> children, String inputSource, List<Violation> violations) {
    for (var child : children) {
      needs.get(parent.path()).add(child.path());
      edges(child, inputSource, violations);
    }
  }

  /** Depth-first search; true when it found a cycle (and added its violation). */
  private boolean visit(
      String path, Map<String, Boolean> state, List<String> stack, List<Violation> violations) {
    state.put(path, false);
    stack.add(path);
    for (var next : needs.getOrDefault(path, Set.of())) {
      var seen = state.get(next);
      if (seen == null) {
        if (visit(next, state, stack, violations)) {
          return true;
        }
      } else if (!seen) {
        var cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
        cycle.add(next);
        violations.add(
            new Violation(
                path,
                "a cycle: each node needs the next one's output: " + String.join(" → ", cycle)));
        return true;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(path, true);
    return false;
  }
}
