package org.agentry.schedule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What one slot of a schedule came to: a task {@link Outcome#FIRED}, the slot {@link
 * Outcome#SKIPPED}, or the task refused ({@link Outcome#FAILED}, e.g. the agent was paused). The
 * pair (schedule, slot) is unique, which is the last guard against a slot firing twice across
 * nodes. Runs never change; deleting the schedule deletes them.
 *
 * <p>Missed slots (the server was down) are coalesced: one {@code SKIPPED}/{@code MISSED} run at
 * the first missed slot counts them all in {@link #getSlotCount()}.
 */
@Entity
@Table(name = "schedule_run")
public class ScheduleRun {

  /** What became of the slot. */
  public enum Outcome {
    FIRED,
    SKIPPED,
    FAILED
  }

  /** Why: what fired it, or why it was skipped. */
  public enum Reason {
    /** Fired (or refused) at its slot. */
    SCHEDULE,
    /** Fired by {@code run-now}; its slot is the moment of the request. */
    MANUAL,
    /** Fired after the previous run's task ended, having been buffered ({@code buffer_one}). */
    BUFFERED,
    /** Skipped as the previous run's task was still active. */
    OVERLAP,
    /** Skipped as it passed while no node fired (downtime); coalesced into the next fire. */
    MISSED;

    /** The lower-case name used in the API. */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "schedule_id", nullable = false, length = 36)
  private String scheduleId;

  @Column(nullable = false)
  private Instant slot;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Reason reason;

  @Column(name = "slot_count", nullable = false)
  private long slotCount;

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "error_code", length = 64)
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ScheduleRun() {}

  private ScheduleRun(
      String scheduleId, Instant slot, Outcome outcome, Reason reason, long count, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.scheduleId = scheduleId;
    this.slot = slot;
    this.outcome = outcome;
    this.reason = reason;
    this.slotCount = count;
    this.createdAt = now;
  }

  /** A slot that started a task. */
  public static ScheduleRun fired(
      String scheduleId, Instant slot, Reason reason, String taskId, Instant now) {
    var run = new ScheduleRun(scheduleId, slot, Outcome.FIRED, reason, 1, now);
    run.taskId = taskId;
    return run;
  }

  /**
   * Slots that started nothing.
   *
   * @param slot the (first) slot skipped
   * @param count how many slots, from {@code slot} on at the schedule's rhythm
   */
  public static ScheduleRun skipped(
      String scheduleId, Instant slot, Reason reason, long count, Instant now) {
    return new ScheduleRun(scheduleId, slot, Outcome.SKIPPED, reason, count, now);
  }

  /**
   * A slot whose task was refused.
   *
   * @param code the refusal's problem code, e.g. {@code AGENT_PAUSED}
   */
  public static ScheduleRun failed(
      String scheduleId, Instant slot, Reason reason, String code, String message, Instant now) {
    var run = new ScheduleRun(scheduleId, slot, Outcome.FAILED, reason, 1, now);
    run.errorCode = code;
    run.errorMessage = message;
    return run;
  }

  public String getId() {
    return id;
  }

  public String getScheduleId() {
    return scheduleId;
  }

  public Instant getSlot() {
    return slot;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public Reason getReason() {
    return reason;
  }

  /** How many slots this run stands for: 1, or more for coalesced missed slots. */
  public long getSlotCount() {
    return slotCount;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getErrorCode() {
    return errorCode;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
