package org.agentry.workflow.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.agentry.audit.control.AuditLog;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.entity.TaskEvent;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.workflow.control.RunEvents;
import org.agentry.workflow.control.WorkflowEngine;
import org.agentry.workflow.entity.WorkflowDefinition;
import org.agentry.workflow.entity.WorkflowNode;
import org.agentry.workflow.entity.WorkflowRun;
import org.agentry.workflow.entity.WorkflowStatus;

/** Runs of workflows: start, read with their nodes, list, cancel. */
@Stateless
public class WorkflowRuns {

  /** A run and its nodes in the order they were reached. */
  public record Detail(WorkflowRun run, List<WorkflowNode> nodes) {}

  /**
   * A position in the list: the creation instant and id of the last run seen.
   *
   * @param createdAt its creation instant
   */
  public record Cursor(Instant createdAt, String id) {}

  /** A JPQL condition on {@code TaskEvent e}: an event of the run {@code :run} or of its steps. */
  private static final String OF_RUN =
      "(e.taskId = :run OR e.taskId IN (SELECT n.taskId FROM WorkflowNode n"
          + " WHERE n.runId = :run AND n.taskId IS NOT NULL))";

  private static final List<TaskStatus> ACTIVE =
      List.of(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.WAITING);

  @PersistenceContext EntityManager em;

  @Inject WorkflowEngine engine;
  @Inject TaskEvents events;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CallerTenant tenant;

  /**
   * Starts a run of the workflow as it is defined now: its first steps' tasks are queued when this
   * transaction commits.
   *
   * @param input the run's input, 1 to 100,000 characters, not blank
   * @param priority its steps' tasks' JMS priority, 0 to 9 (4 is the tasks' default)
   * @throws UnknownResourceException {@code WORKFLOW_NOT_FOUND}
   * @throws InvalidInputException for a missing, blank or too long input, or another priority
   */
  public Detail start(String workflow, String input, int priority) {
    audit.record("workflow.run", "workflow", workflow);
    var definition =
        workflow == null
            ? null
            : em.find(WorkflowDefinition.class, new TenantKey(tenant.id(), workflow));
    if (definition == null) {
      throw new UnknownResourceException("workflow", workflow);
    }
    InvalidInputException.check(
        input != null && !input.isBlank() && input.length() <= 100_000,
        "'input' is required, at most 100000 characters");
    InvalidInputException.check(priority >= 0 && priority <= 9, "'priority' must be 0 to 9");
    var run = new WorkflowRun(definition, input, priority, clock.instant());
    em.persist(run);
    engine.advance(run);
    events.write();
    em.flush();
    return detail(run);
  }

  /**
   * The run with its nodes.
   *
   * @throws UnknownResourceException {@code WORKFLOW_RUN_NOT_FOUND}
   */
  public Detail get(String id) {
    return detail(find(id, LockModeType.NONE));
  }

  /**
   * Runs, newest first.
   *
   * @param workflow only runs of this workflow, or null
   * @param status only runs in this status, or null
   * @param after the position after which the page starts, or null for the first page
   * @param limit 1 to 200
   */
  public List<WorkflowRun> list(String workflow, WorkflowStatus status, Cursor after, int limit) {
    var where = new ArrayList<String>(List.of("r.tenant = :tenant"));
    var params = new HashMap<String, Object>(java.util.Map.of("tenant", tenant.id()));
    if (workflow != null) {
      where.add("r.workflow = :workflow");
      params.put("workflow", workflow);
    }
    if (status != null) {
      where.add("r.status = :status");
      params.put("status", status);
    }
    if (after != null) {
      where.add("(r.createdAt < :cAt OR (r.createdAt = :cAt AND r.id < :cId))");
      params.put("cAt", after.createdAt());
      params.put("cId", after.id());
    }
    var query =
        em.createQuery(
            "SELECT r FROM WorkflowRun r"
                + " WHERE "
                + String.join(" AND ", where)
                + " ORDER BY r.createdAt DESC, r.id DESC",
            WorkflowRun.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Cancels a running run: its running nodes are cancelled, and their tasks once this transaction
   * committed.
   *
   * @throws UnknownResourceException {@code WORKFLOW_RUN_NOT_FOUND}
   * @throws StateConflictException {@code WORKFLOW_RUN_FINISHED} if the run has ended
   */
  public Detail cancel(String id) {
    audit.record("workflow-run.cancel", "workflow run", id);
    var run = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (!run.isRunning()) {
      throw new StateConflictException("WORKFLOW_RUN_FINISHED", "The workflow run has ended.");
    }
    engine.cancel(run);
    events.write();
    em.flush();
    return detail(run);
  }

  /**
   * Gives an event to a state-machine run waiting for its type: the current state ends with the
   * payload as output and the run takes the event's transition.
   *
   * @param type 1 to 64 of letters, digits, {@code _ . -}
   * @param payload the next state's input
   * @throws UnknownResourceException {@code WORKFLOW_RUN_NOT_FOUND}
   * @throws StateConflictException {@code WORKFLOW_RUN_FINISHED} if the run ended, {@code
   *     WORKFLOW_NOT_WAITING} if it does not wait for this type
   */
  public Detail event(String id, String type, String payload) {
    audit.record("workflow-run.event", "workflow run", id, type);
    var run = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (!run.isRunning()) {
      throw new StateConflictException("WORKFLOW_RUN_FINISHED", "The workflow run has ended.");
    }
    engine.event(run, type, payload);
    events.write();
    em.flush();
    return detail(run);
  }

  /**
   * The events of the run's step tasks and the run's own ({@link RunEvents.Status}, under the run's
   * id) with ids above {@code after}, oldest first: one sequence across the steps (task event ids
   * grow with every event of every task).
   *
   * @throws UnknownResourceException {@code WORKFLOW_RUN_NOT_FOUND}
   */
  public List<TaskEvent> events(String id, long after, int limit) {
    find(id, LockModeType.NONE);
    return em.createQuery(
            "SELECT e FROM TaskEvent e WHERE " + OF_RUN + " AND e.id > :after ORDER BY e.id",
            TaskEvent.class)
        .setParameter("run", id)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Whether the run's event stream ends after the event with this id: the run has ended, none of
   * its steps' tasks is still active (a cancelled run's are cancelled after its end) and no event
   * of the run is newer. Asked from a stream's thread: no caller tenant is checked.
   *
   * @param eventId an event the stream sent, or {@link Long#MAX_VALUE} for "has it all ended"
   */
  public boolean streamEndsAfter(String runId, long eventId) {
    var run = em.find(WorkflowRun.class, runId);
    if (run == null || run.isRunning()) {
      return run == null;
    }
    var active =
        em.createQuery(
                "SELECT COUNT(t) FROM Task t WHERE t.status IN :active AND t.id IN (SELECT n.taskId"
                    + " FROM WorkflowNode n WHERE n.runId = :run AND n.taskId IS NOT NULL)",
                Long.class)
            .setParameter("run", runId)
            .setParameter("active", ACTIVE)
            .getSingleResult();
    return active == 0
        && em.createQuery("SELECT e.id FROM TaskEvent e WHERE " + OF_RUN + " AND e.id > :after")
            .setParameter("run", runId)
            .setParameter("after", eventId)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }

  /** Whether the task runs a step of the run. */
  public boolean isStep(String runId, String taskId) {
    return !em.createQuery(
            "SELECT n.id FROM WorkflowNode n WHERE n.runId = :run AND n.taskId = :task",
            String.class)
        .setParameter("run", runId)
        .setParameter("task", taskId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private WorkflowRun find(String id, LockModeType lock) {
    var run = id == null ? null : em.find(WorkflowRun.class, id, lock);
    if (run == null || !run.getTenant().equals(tenant.id())) { // another tenant's: not found
      throw new UnknownResourceException("workflow run", id);
    }
    return run;
  }

  private Detail detail(WorkflowRun run) {
    var nodes =
        em.createNamedQuery(WorkflowNode.OF_RUN, WorkflowNode.class)
            .setParameter("run", run.getId())
            .getResultList();
    return new Detail(run, nodes);
  }
}
