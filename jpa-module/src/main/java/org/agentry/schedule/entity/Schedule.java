package org.agentry.schedule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agentry.platform.entity.NameListConverter;
import org.agentry.task.entity.TaskSpec;

/**
 * A schedule: its definition ({@link ScheduleSpec}), whether it is paused, and the clock's
 * bookkeeping — the next slot ({@code next_run_at}, null once the schedule has ended), a slot
 * buffered by {@link OverlapPolicy#BUFFER_ONE}, the task of the latest run.
 *
 * <p>The version counts changes of the definition and of {@code paused} (create, replace, pause,
 * resume), so that an ETag stays valid while the schedule fires. The bookkeeping is written by a
 * native update (no version increment) under the row lock the clock holds, which REST changes take
 * too.
 */
@Entity
public class Schedule {

  /** The tag every run's task carries, followed by the schedule's id. */
  public static final String TAG_PREFIX = "schedule:";

  @Id
  @Column(length = 36)
  private String id;

  /** The tenant it belongs to: its tasks are that tenant's. */
  @Column(nullable = false, length = 63)
  private String tenant;

  @Column(nullable = false)
  private String name;

  @Column(name = "agent_name", nullable = false, length = 63)
  private String agent;

  @Column(nullable = false)
  private String input;

  @Column(nullable = false)
  private int priority;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 2000)
  private List<String> tags;

  @Column(name = "max_iterations")
  private Integer maxIterations;

  @Column(name = "max_duration_seconds")
  private Integer maxDurationSeconds;

  @Column(name = "token_budget")
  private Long tokenBudget;

  @Column(name = "interval_seconds")
  private Long intervalSeconds;

  private String cron;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OverlapPolicy overlap;

  @Column(nullable = false)
  private boolean paused;

  @Column(name = "start_at")
  private Instant startAt;

  @Column(name = "end_at")
  private Instant endAt;

  /** Where an interval's slots are counted from; null for a cron schedule. */
  @Column(name = "anchor_at")
  private Instant anchorAt;

  @Column(name = "next_run_at")
  private Instant nextRunAt;

  @Column(name = "pending_slot")
  private Instant pendingSlot;

  @Column(name = "last_task_id", length = 36)
  private String lastTaskId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Schedule() {}

  /**
   * A new schedule.
   *
   * @param anchorAt where an interval's slots are counted from, or null for cron
   * @param nextRunAt its first slot
   */
  public Schedule(
      String tenant, ScheduleSpec spec, Instant anchorAt, Instant nextRunAt, Instant now) {
    this.tenant = java.util.Objects.requireNonNull(tenant, "tenant");
    this.id = UUID.randomUUID().toString();
    this.createdAt = now;
    this.paused = Boolean.TRUE.equals(spec.paused());
    redefine(spec, anchorAt, nextRunAt, now);
  }

  /**
   * Replaces the definition; the next slot is computed anew by the caller. A buffered slot and the
   * latest run's task stay; {@code paused} changes only when the spec says so.
   */
  public void redefine(ScheduleSpec spec, Instant anchorAt, Instant nextRunAt, Instant now) {
    var task = spec.task();
    this.name = spec.name();
    this.agent = spec.agent();
    this.input = task.input();
    this.priority = task.priority();
    this.tags = task.tags();
    this.maxIterations = task.maxIterations();
    this.maxDurationSeconds = task.maxDurationSeconds();
    this.tokenBudget = task.tokenBudget();
    this.intervalSeconds = spec.intervalSeconds();
    this.cron = spec.cron();
    this.timeZone = spec.timeZone();
    this.overlap = spec.overlap();
    this.startAt = spec.startAt();
    this.endAt = spec.endAt();
    this.anchorAt = anchorAt;
    this.nextRunAt = nextRunAt;
    if (spec.paused() != null) {
      this.paused = spec.paused();
    }
    this.updatedAt = now;
  }

  /** Stops firing; a buffered slot stays and fires after {@link #resume}. */
  public void pause(Instant now) {
    this.paused = true;
    this.updatedAt = now;
  }

  /**
   * Fires again from {@code nextRunAt} on: slots that came due while paused are not caught up.
   *
   * @param nextRunAt the first slot after now, or null if the schedule has ended
   */
  public void resume(Instant nextRunAt, Instant now) {
    this.paused = false;
    this.nextRunAt = nextRunAt;
    this.updatedAt = now;
  }

  /** The task a run hands the agent: the template, tagged {@code schedule:<id>}. */
  public TaskSpec taskSpec() {
    var runTags = new ArrayList<>(tags);
    runTags.add(TAG_PREFIX + id);
    return new TaskSpec(
        input, priority, runTags, null, null, maxIterations, maxDurationSeconds, tokenBudget, null);
  }

  /** The definition, with {@code paused} as it is now. */
  public ScheduleSpec spec() {
    var task =
        new TaskSpec(
            input,
            priority,
            tags,
            null,
            null,
            maxIterations,
            maxDurationSeconds,
            tokenBudget,
            null);
    return new ScheduleSpec(
        name, agent, task, intervalSeconds, cron, timeZone, overlap, paused, startAt, endAt);
  }

  /** Whether a slot has come due: not paused, and the next slot is not after {@code now}. */
  public boolean isDue(Instant now) {
    return !paused && nextRunAt != null && !nextRunAt.isAfter(now);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getAgent() {
    return agent;
  }

  public Long getIntervalSeconds() {
    return intervalSeconds;
  }

  public String getCron() {
    return cron;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public OverlapPolicy getOverlap() {
    return overlap;
  }

  public boolean isPaused() {
    return paused;
  }

  public Instant getStartAt() {
    return startAt;
  }

  public Instant getEndAt() {
    return endAt;
  }

  public Instant getAnchorAt() {
    return anchorAt;
  }

  public Instant getNextRunAt() {
    return nextRunAt;
  }

  public Instant getPendingSlot() {
    return pendingSlot;
  }

  public String getLastTaskId() {
    return lastTaskId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  /** The tenant it belongs to. */
  public String getTenant() {
    return tenant;
  }
}
