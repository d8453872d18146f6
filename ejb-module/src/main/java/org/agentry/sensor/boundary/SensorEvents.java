package org.agentry.sensor.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.agentry.sensor.entity.SensorEvent;
import org.agentry.task.boundary.Tasks;
import org.agentry.task.entity.TaskSpec;

/** Receives and lists sensor events. */
@Stateless
public class SensorEvents {

  /**
   * A received event.
   *
   * @param created false when it repeats an earlier event (same sensor and dedupe key)
   */
  public record Received(SensorEvent event, boolean created) {}

  /** The task an event asks for: the agent and the task's definition. */
  public record TaskOrder(String agent, TaskSpec spec) {}

  @PersistenceContext EntityManager em;

  @Inject org.agentry.tenant.control.CallerTenant tenant;

  @Inject Clock clock;

  @Inject Tasks tasks;

  /**
   * Records an event and submits its task, or returns the earlier event with the same key.
   *
   * @param order the task to start, or null
   * @throws org.agentry.platform.entity.InvalidInputException for a missing sensor or key
   * @throws org.agentry.platform.boundary.UnknownResourceException for an unknown agent
   */
  public Received receive(
      String sensorId, String eventId, String dedupeKey, String payload, TaskOrder order) {
    var event =
        new SensorEvent(tenant.id(), sensorId, eventId, dedupeKey, payload, clock.instant());
    var earlier = find(sensorId, event.getDedupeKey());
    if (earlier.isPresent()) {
      return new Received(earlier.get(), false);
    }
    if (order != null) {
      var submitted = tasks.submit(order.agent(), order.spec(), null, null);
      event.started(submitted.task().getId());
    }
    em.persist(event);
    return new Received(event, true);
  }

  /** The event a sensor of the caller's tenant posted under a dedupe key, if any. */
  public Optional<SensorEvent> find(String sensorId, String dedupeKey) {
    return em.createQuery(
            "SELECT e FROM SensorEvent e WHERE e.tenant = :tenant AND e.sensorId = :sensor"
                + " AND e.dedupeKey = :key",
            SensorEvent.class)
        .setParameter("tenant", tenant.id())
        .setParameter("sensor", sensorId)
        .setParameter("key", dedupeKey)
        .getResultStream()
        .findFirst();
  }

  /** The caller's tenant's events, newest first, optionally of one sensor. */
  public List<SensorEvent> list(String sensorId, int offset, int limit) {
    var jpql =
        "SELECT e FROM SensorEvent e WHERE e.tenant = :tenant"
            + (sensorId == null ? "" : " AND e.sensorId = :sensor")
            + " ORDER BY e.createdAt DESC, e.id";
    var query = em.createQuery(jpql, SensorEvent.class).setParameter("tenant", tenant.id());
    if (sensorId != null) {
      query.setParameter("sensor", sensorId);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }
}
