package org.agentry.schedule.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.agentry.agent.entity.Agent;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StaleVersionException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.schedule.control.InvalidScheduleException;
import org.agentry.schedule.control.Recurrence;
import org.agentry.schedule.control.UpcomingFires;
import org.agentry.schedule.entity.Schedule;
import org.agentry.schedule.entity.ScheduleRun;
import org.agentry.schedule.entity.ScheduleSpec;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;

/**
 * Schedules as their owners see them: define, read, replace (with optimistic locking), delete,
 * pause, resume, and list their runs. Changes take the schedule's row lock, so they never
 * interleave with the clock firing it. Firing is {@link ScheduleSlots}'s.
 */
@Stateless
public class Schedules {

  @Inject AuditLog audit;

  /**
   * A run with the current status of the task it created.
   *
   * @param taskStatus null when the run made no task or the task was deleted
   */
  public record RunView(ScheduleRun run, TaskStatus taskStatus) {}

  @PersistenceContext EntityManager em;

  @Inject CallerTenant tenant;

  Clock clock = Clock.systemUTC();

  /**
   * Creates a schedule; its first slot is computed from now.
   *
   * @throws UnknownResourceException for an unknown agent
   * @throws InvalidScheduleException if the timing makes no rhythm or never fires after now
   */
  public Schedule create(ScheduleSpec spec) {
    requireAgent(spec.agent());
    var now = now();
    var recurrence = Recurrence.define(spec, frozen(now));
    var schedule =
        new Schedule(tenant.id(), spec, recurrence.anchor(), firstSlot(recurrence, now), now);
    em.persist(schedule);
    audit.record("schedule.create", "schedule", schedule.getId(), "agent " + spec.agent());
    em.flush();
    return schedule;
  }

  /**
   * The schedule.
   *
   * @throws UnknownResourceException if there is none
   */
  public Schedule get(String id) {
    var schedule = id == null ? null : owned(em.find(Schedule.class, id));
    if (schedule == null) {
      throw new UnknownResourceException("schedule", id);
    }
    return schedule;
  }

  /** The caller's tenant's schedules, oldest first, optionally of one agent. */
  public List<Schedule> list(String agent, int offset, int limit) {
    var where = " WHERE s.tenant = :tenant" + (agent == null ? "" : " AND s.agent = :agent");
    var query =
        em.createQuery(
                "SELECT s FROM Schedule s" + where + " ORDER BY s.createdAt, s.id", Schedule.class)
            .setParameter("tenant", tenant.id());
    if (agent != null) {
      query.setParameter("agent", agent);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /**
   * The fires of the caller's tenant's active schedules (all, or one agent's) in [{@code from},
   * {@code to}), earliest first; see {@link UpcomingFires}.
   *
   * @param agent null for every agent's
   * @param limit the most fires listed
   */
  public UpcomingFires.Listing upcoming(String agent, Instant from, Instant to, int limit) {
    var query =
        em.createQuery(
                "SELECT s FROM Schedule s WHERE s.tenant = :tenant AND s.paused = false"
                    + " AND s.nextRunAt IS NOT NULL AND s.nextRunAt < :to"
                    + (agent == null ? "" : " AND s.agent = :agent"),
                Schedule.class)
            .setParameter("tenant", tenant.id())
            .setParameter("to", to);
    if (agent != null) {
      query.setParameter("agent", agent);
    }
    return UpcomingFires.in(query.getResultList(), from, to, limit);
  }

  /**
   * Replaces a schedule's definition; slots are counted anew from now.
   *
   * @param expectedVersion the version the caller read (its ETag), or null for any
   * @throws StaleVersionException if it changed since
   * @throws UnknownResourceException for an unknown schedule or agent
   * @throws InvalidScheduleException if the timing makes no rhythm or never fires after now
   */
  public Schedule replace(String id, Long expectedVersion, ScheduleSpec spec) {
    audit.record("schedule.update", "schedule", id);
    var schedule = locked(id);
    if (expectedVersion != null && schedule.getVersion() != expectedVersion) {
      throw new StaleVersionException("schedule", id);
    }
    requireAgent(spec.agent());
    var now = now();
    var recurrence = Recurrence.define(spec, frozen(now));
    schedule.redefine(spec, recurrence.anchor(), firstSlot(recurrence, now), now);
    em.flush();
    return schedule;
  }

  /** Deletes a schedule and its runs; the tasks it created stay. */
  public void delete(String id) {
    audit.record("schedule.delete", "schedule", id);
    var schedule = locked(id);
    em.createQuery("DELETE FROM ScheduleRun r WHERE r.scheduleId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(schedule);
  }

  /** Stops a schedule firing (a buffered slot waits for the resume). */
  public Schedule pause(String id) {
    audit.record("schedule.pause", "schedule", id);
    var schedule = locked(id);
    if (!schedule.isPaused()) {
      schedule.pause(now());
      em.flush();
    }
    return schedule;
  }

  /** Starts a paused schedule again at its first slot after now: no catching up. */
  public Schedule resume(String id) {
    audit.record("schedule.resume", "schedule", id);
    var schedule = locked(id);
    if (schedule.isPaused()) {
      var now = now();
      schedule.resume(Recurrence.of(schedule).first(frozen(now)).orElse(null), now);
      em.flush();
    }
    return schedule;
  }

  /** The schedule's runs, latest slot first. */
  public List<RunView> runs(String id, int offset, int limit) {
    get(id);
    var runs =
        em.createQuery(
                "SELECT r FROM ScheduleRun r WHERE r.scheduleId = :id"
                    + " ORDER BY r.slot DESC, r.createdAt DESC",
                ScheduleRun.class)
            .setParameter("id", id)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    var taskIds = runs.stream().map(ScheduleRun::getTaskId).filter(Objects::nonNull).toList();
    Map<String, TaskStatus> statuses = new HashMap<>();
    if (!taskIds.isEmpty()) {
      em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids", Task.class)
          .setParameter("ids", taskIds)
          .getResultList()
          .forEach(t -> statuses.put(t.getId(), t.getStatus()));
    }
    return runs.stream().map(r -> new RunView(r, statuses.get(r.getTaskId()))).toList();
  }

  private Schedule locked(String id) {
    var schedule =
        id == null ? null : owned(em.find(Schedule.class, id, LockModeType.PESSIMISTIC_WRITE));
    if (schedule == null) {
      throw new UnknownResourceException("schedule", id);
    }
    return schedule;
  }

  private void requireAgent(String name) {
    if (name == null || em.find(Agent.class, new TenantKey(tenant.id(), name)) == null) {
      throw new UnknownResourceException("agent", name);
    }
  }

  private static Instant firstSlot(Recurrence recurrence, Instant now) {
    return recurrence
        .first(frozen(now))
        .orElseThrow(
            () ->
                new InvalidScheduleException(
                    "The schedule never fires after now; check 'cron', 'startAt' and 'endAt'"));
  }

  /** The clock stopped at one instant, so that one change uses one "now" throughout. */
  private static Clock frozen(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The schedule if it belongs to the caller's tenant, else null. */
  private Schedule owned(Schedule schedule) {
    return schedule != null && schedule.getTenant().equals(tenant.id()) ? schedule : null;
  }
}
