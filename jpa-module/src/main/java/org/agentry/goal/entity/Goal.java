package org.agentry.goal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.platform.entity.NameListConverter;

/**
 * A goal: what to achieve, the planner agent that decomposes it into steps and synthesizes the
 * result, the agents the steps may use, and where it stands. Changed only under the row lock of the
 * transaction that ended one of its tasks or cancels it (see {@code goal.control.GoalRuns}).
 */
@Entity
public class Goal {

  /** Most characters of a goal's text. */
  public static final int MAX_TEXT = 20_000;

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to: its tasks and agents are that tenant's. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(name = "goal_text", nullable = false)
  private String text;

  @Column(nullable = false, length = 63)
  private String planner;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> agents;

  @Column(nullable = false)
  private int priority;

  @Column(name = "token_budget")
  private Long budget;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private GoalStatus status;

  private String result;

  private String error;

  @Column(name = "replans_used", nullable = false)
  private int replansUsed;

  @Column(name = "repairs_used", nullable = false)
  private int repairsUsed;

  @Column(name = "planner_session_id", length = 36)
  private String plannerSessionId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected Goal() {}

  /**
   * A new goal, {@code planning}.
   *
   * @param tenant the tenant of the caller who set it
   * @param text 1 to {@value #MAX_TEXT} characters
   * @param agents the agents steps may use; empty for any active agent
   * @param priority 0–9, for every task of the goal
   * @param budget tokens all its tasks together may use, or null for no bound
   * @throws InvalidInputException naming the field that breaks a rule
   */
  public Goal(
      String tenant,
      String text,
      String planner,
      List<String> agents,
      int priority,
      Long budget,
      Instant now) {
    this.tenant = java.util.Objects.requireNonNull(tenant, "tenant");
    InvalidInputException.check(
        text != null && !text.isBlank() && text.length() <= MAX_TEXT,
        "'goal' is required, at most " + MAX_TEXT + " characters");
    InvalidInputException.check(priority >= 0 && priority <= 9, "'priority' must be 0 to 9");
    InvalidInputException.check(budget == null || budget >= 1, "'budget' must be positive");
    this.id = UUID.randomUUID().toString();
    this.text = text;
    this.planner = planner;
    this.agents = agents == null ? List.of() : List.copyOf(agents);
    this.priority = priority;
    this.budget = budget;
    this.status = GoalStatus.PLANNING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The plan was accepted: its steps run. Resets the repair count for a later re-plan. */
  public void planAccepted(String plannerSessionId, Instant now) {
    this.plannerSessionId = plannerSessionId;
    this.repairsUsed = 0;
    moveTo(GoalStatus.RUNNING, now);
  }

  /** The planner's answer was refused: it is asked again. */
  public void repairAsked(String plannerSessionId, Instant now) {
    this.plannerSessionId = plannerSessionId;
    this.repairsUsed++;
    this.updatedAt = now;
  }

  /** A step failed and the planner is asked for a new plan of the rest. */
  public void replanAsked(Instant now) {
    this.replansUsed++;
    moveTo(GoalStatus.PLANNING, now);
  }

  /** Every step completed: the synthesis task runs. */
  public void synthesizing(Instant now) {
    moveTo(GoalStatus.SYNTHESIZING, now);
  }

  /** Ends the goal with its result. */
  public void complete(String result, Instant now) {
    this.result = result;
    end(GoalStatus.COMPLETED, now);
  }

  /** Ends the goal as failed, saying why. */
  public void fail(String error, Instant now) {
    this.error = error;
    end(GoalStatus.FAILED, now);
  }

  /** Ends the goal as cancelled. */
  public void cancel(Instant now) {
    end(GoalStatus.CANCELLED, now);
  }

  private void end(GoalStatus end, Instant now) {
    moveTo(end, now);
    this.finishedAt = now;
  }

  private void moveTo(GoalStatus next, Instant now) {
    this.status = next;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public String getPlanner() {
    return planner;
  }

  public List<String> getAgents() {
    return agents;
  }

  public int getPriority() {
    return priority;
  }

  public Long getBudget() {
    return budget;
  }

  public GoalStatus getStatus() {
    return status;
  }

  public String getResult() {
    return result;
  }

  public String getError() {
    return error;
  }

  public int getReplansUsed() {
    return replansUsed;
  }

  public int getRepairsUsed() {
    return repairsUsed;
  }

  public String getPlannerSessionId() {
    return plannerSessionId;
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

  public long getVersion() {
    return version;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
