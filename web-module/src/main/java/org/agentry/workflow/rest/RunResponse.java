package org.agentry.workflow.rest;

import java.time.Instant;
import java.util.List;
import org.agentry.workflow.boundary.WorkflowRuns;
import org.agentry.workflow.entity.WorkflowNode;
import org.agentry.workflow.entity.WorkflowRun;

/**
 * A workflow run as the API shows it: {@code status} running, completed, failed or cancelled; the
 * root's {@code output} once completed, the failed step's {@code error}; and {@code nodes}, every
 * node reached, in the order reached (absent in lists). For a state machine, {@code state} is the
 * current (or last) state's name and the nodes of kinds {@code state}, {@code wait} and {@code
 * final} are the transition history, {@code iteration} counting the transitions.
 */
public record RunResponse(
    String id,
    String workflow,
    long workflowVersion,
    String status,
    String state,
    int priority,
    String input,
    String output,
    String error,
    Instant createdAt,
    Instant finishedAt,
    List<NodeResponse> nodes) {

  /**
   * A node of a run.
   *
   * @param path e.g. {@code $.root.steps[1]}; a loop's iterations are marked {@code @n}
   * @param iteration the innermost loop iteration, from 0
   * @param id the node's id in the definition, or null
   * @param kind agent, pipeline, parallel, loop, branch, forum, or an agent step of one of them:
   *     judge, classifier, participant, moderator
   * @param agent the agent of an agent step, else null
   * @param taskId the task that runs an agent step, else null
   */
  public record NodeResponse(
      String path,
      int iteration,
      String id,
      String kind,
      String agent,
      String status,
      String taskId,
      String output,
      String error,
      Instant startedAt,
      Instant finishedAt) {

    static NodeResponse of(WorkflowNode node) {
      return new NodeResponse(
          node.getNodePath(),
          node.getIteration(),
          node.getNodeId(),
          node.getKind(),
          node.getAgent(),
          node.getStatus().apiName(),
          node.getTaskId(),
          node.getOutput(),
          node.getError(),
          node.getStartedAt(),
          node.getFinishedAt());
    }
  }

  static RunResponse of(WorkflowRuns.Detail detail) {
    var nodes = detail.nodes().stream().map(NodeResponse::of).toList();
    var state =
        detail.nodes().stream()
            .filter(n -> STATE_KINDS.contains(n.getKind()))
            .max(java.util.Comparator.comparingInt(WorkflowNode::getIteration))
            .map(WorkflowNode::getNodeId)
            .orElse(null);
    return of(detail.run(), state, nodes);
  }

  private static final java.util.Set<String> STATE_KINDS =
      java.util.Set.of("state", "wait", "final");

  static RunResponse of(WorkflowRun run, String state, List<NodeResponse> nodes) {
    return new RunResponse(
        run.getId(),
        run.getWorkflow(),
        run.getWorkflowVersion(),
        run.getStatus().apiName(),
        state,
        run.getPriority(),
        run.getInput(),
        run.getOutput(),
        run.getError(),
        run.getCreatedAt(),
        run.getFinishedAt(),
        nodes);
  }
}
