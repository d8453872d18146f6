package org.agentry.schedule.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.agentry.audit.control.AuditLog;
import org.agentry.metrics.control.Metrics;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.schedule.control.Recurrence;
import org.agentry.schedule.control.Refusal;
import org.agentry.schedule.control.ScheduleLocks;
import org.agentry.schedule.entity.Schedule;
import org.agentry.schedule.entity.ScheduleRun;
import org.agentry.schedule.entity.ScheduleRun.Reason;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.Task;
import org.agentry.tenant.control.CallerTenant;

/**
 * Fires schedules, one schedule per transaction: claims its row ({@link ScheduleLocks}), fires a
 * buffered slot whose previous task has ended, fires the latest passed slot (recording the ones
 * before it as one {@code missed} run) or skips or buffers it by the overlap policy, and moves
 * {@code next_run_at} to the first slot after now. Tasks made here go to the task queue once the
 * transaction commits, as every submitted task does.
 */
@Stateless
public class ScheduleSlots {

  @Inject AuditLog audit;

  /** Starts a slot's task (returning it), or records why it could not (returning null). */
  private interface Launch {
    Task run(Schedule schedule, Instant slot, Reason reason, Instant now);
  }

  @PersistenceContext EntityManager em;

  @Inject Tasks tasks;

  @Inject CallerTenant tenant;
  @Inject ScheduleLocks locks;
  @Inject Metrics metrics;

  Clock clock = Clock.systemUTC();

  /** Ids of schedules that are not paused and have a slot due or buffered, earliest first. */
  public List<String> candidates(int limit) {
    return em.createQuery(
            "SELECT s.id FROM Schedule s WHERE s.paused = FALSE"
                + " AND (s.nextRunAt <= :now OR s.pendingSlot IS NOT NULL) ORDER BY s.nextRunAt",
            String.class)
        .setParameter("now", now())
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Fires what is due of one schedule; nothing if another node holds it or handled it.
   *
   * @return ids of the tasks created
   * @throws RuntimeException as {@link Tasks#submit} does when the task is refused ({@link
   *     Refusal#of} tells which), rolling everything back: then call {@link #refuse}
   */
  public List<String> fire(String scheduleId) {
    return walk(scheduleId, this::launch);
  }

  /** Does what {@link #fire} would, but records each slot it would fire as refused. */
  public void refuse(String scheduleId, Refusal refusal) {
    walk(
        scheduleId,
        (schedule, slot, reason, now) -> {
          em.persist(
              ScheduleRun.failed(
                  schedule.getId(), slot, reason, refusal.code(), refusal.message(), now));
          return null;
        });
  }

  /**
   * Starts the schedule's task at once, paused or not; its run's slot is now. It counts as the
   * latest run for the overlap policy.
   *
   * @throws UnknownResourceException if there is no such schedule
   * @throws RuntimeException as {@link Tasks#submit} does when the task is refused
   */
  public Task runNow(String scheduleId) {
    audit.record("schedule.run-now", "schedule", scheduleId);
    var schedule = em.find(Schedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
    if (schedule == null || !schedule.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("schedule", scheduleId);
    }
    var task = launch(schedule, now(), Reason.MANUAL, now());
    remember(scheduleId, schedule.getNextRunAt(), schedule.getPendingSlot(), task.getId());
    return task;
  }

  private List<String> walk(String scheduleId, Launch launch) {
    if (!locks.claim(scheduleId)) {
      return List.of();
    }
    var schedule = em.find(Schedule.class, scheduleId);
    var now = now();
    if (schedule == null || schedule.isPaused()) {
      return List.of();
    }
    var started = new ArrayList<String>();
    var pending = schedule.getPendingSlot();
    var last = schedule.getLastTaskId();
    if (pending != null && !active(last)) {
      last = started(launch.run(schedule, pending, Reason.BUFFERED, now), last, started);
      pending = null;
    }
    var next = schedule.getNextRunAt();
    if (schedule.isDue(now)) {
      var due = Recurrence.of(schedule).due(next, Clock.fixed(now, ZoneOffset.UTC));
      if (due.missed() > 0) {
        em.persist(
            ScheduleRun.skipped(scheduleId, due.firstMissed(), Reason.MISSED, due.missed(), now));
      }
      next = due.next();
      switch (schedule.getOverlap().onDue(active(last), pending == null)) {
        case FIRE ->
            last = started(launch.run(schedule, due.fire(), Reason.SCHEDULE, now), last, started);
        case BUFFER -> pending = due.fire();
        case SKIP ->
            em.persist(ScheduleRun.skipped(scheduleId, due.fire(), Reason.OVERLAP, 1, now));
      }
    }
    remember(scheduleId, next, pending, last);
    return started;
  }

  private static String started(Task task, String last, List<String> started) {
    if (task == null) {
      return last;
    }
    started.add(task.getId());
    return task.getId();
  }

  private Task launch(Schedule schedule, Instant slot, Reason reason, Instant now) {
    tenant.workFor(schedule.getTenant());
    var task = tasks.submit(schedule.getAgent(), schedule.taskSpec(), null, null).task();
    em.persist(ScheduleRun.fired(schedule.getId(), slot, reason, task.getId(), now));
    metrics.scheduleFired(Duration.between(slot, now));
    return task;
  }

  private boolean active(String taskId) {
    var task = taskId == null ? null : em.find(Task.class, taskId);
    return task != null && !task.getStatus().isTerminal();
  }

  /**
   * Writes the clock's bookkeeping without touching the version (see {@link Schedule}): native SQL,
   * as EclipseLink increments the version in JPQL bulk updates too. Nulls are literals, so no
   * driver has to guess a null parameter's type.
   */
  private void remember(String scheduleId, Instant next, Instant pending, String lastTaskId) {
    var values = new ArrayList<Object>();
    var sql =
        "UPDATE schedule SET next_run_at = "
            + bind(utc(next), values)
            + ", pending_slot = "
            + bind(utc(pending), values)
            + ", last_task_id = "
            + bind(lastTaskId, values)
            + " WHERE id = ?";
    values.add(scheduleId);
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    query.executeUpdate();
  }

  private static String bind(Object value, List<Object> values) {
    if (value == null) {
      return "NULL";
    }
    values.add(value);
    return "?";
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
