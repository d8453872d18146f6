package org.agentry.goal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agentry.platform.entity.NameListConverter;

/**
 * One step of a goal's plan: an agent, its input, the steps whose outputs it needs, and the task
 * that runs it once they completed. A re-plan adds the new plan's steps as the next {@code round}
 * and marks the old round's unfinished steps {@code replaced}.
 */
@Entity
@Table(name = "goal_step")
public class GoalStep {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "goal_id", nullable = false, length = 36)
  private String goalId;

  @Column(name = "step_id", nullable = false, length = 64)
  private String stepId;

  @Column(name = "plan_round", nullable = false)
  private int round;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(nullable = false)
  private String input;

  @Convert(converter = NameListConverter.class)
  @Column(name = "depends_on", nullable = false, length = 4000)
  private List<String> dependsOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private GoalStepStatus status;

  @Column(name = "task_id", length = 36)
  private String taskId;

  private String output;

  private String error;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected GoalStep() {}

  /** A new pending step of the plan of round {@code round}. */
  public GoalStep(
      String goalId,
      int round,
      String stepId,
      String agent,
      String input,
      List<String> dependsOn,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.goalId = goalId;
    this.round = round;
    this.stepId = stepId;
    this.agent = agent;
    this.input = input;
    this.dependsOn = List.copyOf(dependsOn);
    this.status = GoalStepStatus.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Its task was started. */
  public void started(String taskId, Instant now) {
    this.taskId = taskId;
    this.status = GoalStepStatus.RUNNING;
    this.updatedAt = now;
  }

  /** Its task completed with this output. */
  public void completed(String output, Instant now) {
    this.output = output;
    this.status = GoalStepStatus.COMPLETED;
    this.updatedAt = now;
  }

  /** Its task failed or was cancelled. */
  public void failed(String error, Instant now) {
    this.error = error;
    this.status = GoalStepStatus.FAILED;
    this.updatedAt = now;
  }

  /** Dropped before it completed: by a re-plan ({@code replaced}) or the goal's end. */
  public void dropped(GoalStepStatus why, Instant now) {
    this.status = why;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getGoalId() {
    return goalId;
  }

  public String getStepId() {
    return stepId;
  }

  public int getRound() {
    return round;
  }

  public String getAgent() {
    return agent;
  }

  public String getInput() {
    return input;
  }

  public List<String> getDependsOn() {
    return dependsOn;
  }

  public GoalStepStatus getStatus() {
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

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
