package org.agentry.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a workflow: the definition it started with (a snapshot, so editing the workflow does
 * not change a run under way), its input, and how it ended. Its nodes are {@link WorkflowNode}s.
 */
@Entity
@Table(name = "workflow_run")
public class WorkflowRun {

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant of its workflow: its steps' tasks are that tenant's. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "workflow_name", nullable = false, length = 63)
  private String workflow;

  @Column(name = "workflow_version", nullable = false)
  private long workflowVersion;

  @Column(nullable = false)
  private String definition;

  @Column(nullable = false)
  private String input;

  /** The JMS priority of its steps' tasks, 0 (lowest) to 9. */
  @Column(nullable = false)
  private int priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WorkflowStatus status;

  private String output;

  private String error;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected WorkflowRun() {}

  /**
   * A running run of the definition as it is now.
   *
   * @param priority its steps' tasks' priority, 0 to 9
   * @throws IllegalArgumentException for another priority
   */
  public WorkflowRun(WorkflowDefinition definition, String input, int priority, Instant now) {
    if (priority < 0 || priority > 9) {
      throw new IllegalArgumentException("priority must be 0 to 9, was " + priority);
    }
    this.priority = priority;
    this.id = UUID.randomUUID().toString();
    this.tenant = definition.getTenant();
    this.workflow = definition.getName();
    this.workflowVersion = definition.getVersion();
    this.definition = definition.getDefinition();
    this.input = Objects.requireNonNull(input);
    this.status = WorkflowStatus.RUNNING;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  /** Ends the run: {@code completed} with the root node's output. */
  public void complete(String output, Instant now) {
    end(WorkflowStatus.COMPLETED, now);
    this.output = output;
  }

  /** Ends the run: {@code failed}, saying why. */
  public void fail(String error, Instant now) {
    end(WorkflowStatus.FAILED, now);
    this.error = error;
  }

  /** Ends the run: {@code cancelled}. */
  public void cancel(Instant now) {
    end(WorkflowStatus.CANCELLED, now);
  }

  private void end(WorkflowStatus end, Instant now) {
    this.status = end;
    this.finishedAt = now;
    this.updatedAt = now;
  }

  public int getPriority() {
    return priority;
  }

  public boolean isRunning() {
    return status == WorkflowStatus.RUNNING;
  }

  public String getId() {
    return id;
  }

  public String getWorkflow() {
    return workflow;
  }

  public long getWorkflowVersion() {
    return workflowVersion;
  }

  public String getDefinition() {
    return definition;
  }

  public String getInput() {
    return input;
  }

  public WorkflowStatus getStatus() {
    return status;
  }

  public String getOutput() {
    return output;
  }

  public String getError() {
    return error;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
