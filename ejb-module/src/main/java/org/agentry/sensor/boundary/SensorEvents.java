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
import org.agentry.workflow.boundary.WorkflowRuns;

/** Receives and lists sensor events. */
@Stateless
public class SensorEvents {

  /**
   * A received event.
   *
   * @param created false when it repeats an earlier event (same sensor and dedupe key)
   */
  public record Received(SensorEvent event, boolean created) {}

  /** What an event starts or drives the first time it arrives. */
  public sealed interface Order permits TaskOrder, RunOrder, RunSignal {}

  /** The task an event asks for: the agent and the task's definition. */
  public record TaskOrder(String agent, TaskSpec spec) implements Order {}

  /**
   * A run of a workflow the event starts.
   *
   * @param input the run's input (1 to 100,000 characters)
   */
  public record RunOrder(String workflow, String input) implements Order {}

  /**
   * An event sent to a state-machine workflow run that waits for it (see {@code POST
   * /api/v1/workflow-runs/{id}/events}).
   *
   * @param payload the event's payload as text: the next state's input
   */
  public record RunSignal(String runId, String type, String payload) implements Order {}

  @PersistenceContext EntityManager em;

  @Inject org.agentry.tenant.control.CallerTenant tenant;

  @Inject Clock clock;

  @Inject Tasks tasks;

  @Inject WorkflowRuns runs;

  /**
   * Records an event and submits its task, starts its workflow run or sends its run the event, or
   * returns the earlier event with the same key (which starts nothing).
   *
   * @param order what to start or drive, or null
   * @throws org.agentry.platform.entity.InvalidInputException for a missing sensor or key
   * @throws org.agentry.platform.boundary.UnknownResourceException for an unknown agent
   */
  public Received receive(
      String sensorId, String eventId, String dedupeKey, String payload, Order order) {
    var event =
        new SensorEvent(tenant.id(), sensorId, eventId, dedupeKey, payload, clock.instant());
    var earlier = find(sensorId, event.getDedupeKey());
    if (earlier.isPresent()) {
      return new Received(earlier.get(), false);
    }
    if (order instanceof TaskOrder task) {
      event.started(tasks.submit(task.agent(), task.spec(), null, null).task().getId());
    } else if (order instanceof RunOrder run) {
      event.reached(runs.start(run.workflow(), run.input(), 4).run().getId());
    } else if (order instanceof RunSignal signal) {
      event.reached(runs.event(signal.runId(), signal.type(), signal.payload()).run().getId());
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
