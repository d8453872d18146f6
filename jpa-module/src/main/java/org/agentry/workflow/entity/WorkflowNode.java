package org.agentry.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A node of a run that has been reached: an agent step (with the task that runs it), or a composite
 * node (pipeline, parallel, loop, branch, forum) whose output its children made. The unique key on
 * {@code (run_id, node_path, iteration)} makes a second start of the same node fail instead of
 * running it twice.
 */
@Entity
@Table(name = "workflow_node")
@NamedQuery(
    name = WorkflowNode.OF_RUN,
    query = "SELECT n FROM WorkflowNode n WHERE n.runId = :run ORDER BY n.startedAt, n.nodePath")
public class WorkflowNode {

  /** The nodes of the run {@code :run}, in the order they started. */
  public static final String OF_RUN = "WorkflowNode.ofRun";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "run_id", nullable = false, length = 36)
  private String runId;

  @Column(name = "node_path", nullable = false, length = 1000)
  private String nodePath;

  @Column(nullable = false)
  private int iteration;

  @Column(name = "node_id", length = 64)
  private String nodeId;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(name = "agent_name", length = 63)
  private String agent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WorkflowStatus status;

  @Column(name = "task_id", length = 36)
  private String taskId;

  private String output;

  private String error;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected WorkflowNode() {}

  /**
   * A node reached now, running.
   *
   * @param nodePath e.g. {@code $.root.steps[1]} or {@code $.root.body@2}
   * @param iteration the innermost enclosing loop's iteration, from 0; 0 outside loops
   * @param nodeId the node's {@code id} in the definition, or null
   * @param kind {@code agent}, {@code pipeline}, … or {@code judge}, {@code classifier}, {@code
   *     moderator}, {@code participant} for the agent steps of those nodes
   * @param agent the agent that runs it, or null for a composite node
   */
  public WorkflowNode(
      String runId,
      String nodePath,
      int iteration,
      String nodeId,
      String kind,
      String agent,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.runId = Objects.requireNonNull(runId);
    this.nodePath = Objects.requireNonNull(nodePath);
    this.iteration = iteration;
    this.nodeId = nodeId;
    this.kind = Objects.requireNonNull(kind);
    this.agent = agent;
    this.status = WorkflowStatus.RUNNING;
    this.startedAt = Objects.requireNonNull(now);
  }

  /** The task that runs this agent step. */
  public void runBy(String taskId) {
    this.taskId = taskId;
  }

  /** Ends the node: {@code completed} with its output. */
  public void complete(String output, Instant now) {
    this.status = WorkflowStatus.COMPLETED;
    this.output = output;
    this.finishedAt = now;
  }

  /** Ends the node: {@code failed} or {@code cancelled}, saying why (or null). */
  public void end(WorkflowStatus end, String error, Instant now) {
    this.status = end;
    this.error = error;
    this.finishedAt = now;
  }

  public boolean isRunning() {
    return status == WorkflowStatus.RUNNING;
  }

  public String getId() {
    return id;
  }

  public String getRunId() {
    return runId;
  }

  public String getNodePath() {
    return nodePath;
  }

  public int getIteration() {
    return iteration;
  }

  public String getNodeId() {
    return nodeId;
  }

  public String getKind() {
    return kind;
  }

  public String getAgent() {
    return agent;
  }

  public WorkflowStatus getStatus() {
    return status;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getOutput() {
    return output;
  }

  public String getError() {
    return error;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
