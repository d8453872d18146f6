package org.agentry.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentry.agent.entity.Agent;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.control.TaskEnded;
import org.agentry.task.control.TaskEvents;
import org.agentry.task.control.TaskEvents.Status;
import org.agentry.task.control.TaskReady;
import org.agentry.task.entity.Task;
import org.agentry.task.entity.TaskSpec;
import org.agentry.task.entity.TaskStatus;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.workflow.entity.WorkflowNode;
import org.agentry.workflow.entity.WorkflowRun;
import org.agentry.workflow.entity.WorkflowStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Advances workflow runs in the caller's transaction: plans the run's next moves from its node rows
 * ({@link RunPlanner}), starts a task for each agent step (coordinated by {@code workflow-run:<run
 * id>:<node row id>}, sent after the commit), records composite nodes, and ends the run when its
 * root ends. A step's task end is observed in the transaction that ended the task ({@link
 * TaskEnded}): it locks the run's row (so of two steps ending at once the second sees the first),
 * records the step's output and advances the run. The run's progress is therefore only in the
 * database, committed with the end of the task that made it.
 */
@ApplicationScoped
public class WorkflowEngine {

  /** The prefix of the coordinator of a workflow step's task. */
  public static final String COORDINATOR = "workflow-run:";

  /** The priority of step tasks (the task default). */
  @PersistenceContext EntityManager em;

  @Inject TaskEvents events;
  @Inject Event<TaskReady> ready;
  @Inject Event<ChildCancels.Cancel> cancels;
  @Inject Clock clock;
  @Inject MachineEngine machines;
  @Inject RunEvents runEvents;

  @Inject
  @ConfigProperty(name = "agentry.dispatch.max-attempts", defaultValue = "3")
  int maxAttempts;

  /**
   * Starts what a new or resumed run can start now; ends it when its root ended, or when it waits
   * for an output no node will make.
   */
  public void advance(WorkflowRun run) {
    var definition = Jsons.createReader(run.getDefinition()).readObject();
    if (MachineReader.isMachine(definition)) {
      machines.start(run, MachineReader.read(definition, a -> true));
      return;
    }
    var root = DefinitionReader.read(definition, a -> true);
    var rows = rows(run.getId());
    var now = clock.instant();
    RunPlanner.Plan plan;
    boolean refused;
    do {
      plan = RunPlanner.plan(root, run.getInput(), known(rows), latest(rows));
      for (var change : plan.changes()) {
        record(run, change, rows, now);
      }
      refused = false;
      for (var start : plan.starts()) {
        refused |= !startStep(run, start, rows, now);
      }
    } while (refused && plan.root() instanceof RunPlanner.Pending);
    if (plan.root() instanceof RunPlanner.Done done) {
      run.complete(done.output(), now);
      runEvents.ended(run);
    } else if (plan.root() instanceof RunPlanner.Failed failed) {
      end(run, WorkflowStatus.FAILED, failed.error(), rows, now);
    } else if (rows.values().stream().noneMatch(n -> n.isRunning() && n.getTaskId() != null)) {
      end(
          run,
          WorkflowStatus.FAILED,
          "the run waits for the output of " + plan.waitingOn() + ", which no node will make",
          rows,
          now);
    }
  }

  /**
   * Gives an event to a running state-machine run.
   *
   * @throws org.agentry.platform.boundary.StateConflictException {@code WORKFLOW_NOT_WAITING} if
   *     the run is no state machine or its current state does not wait for this type
   */
  public void event(WorkflowRun run, String type, String payload) {
    var definition = Jsons.createReader(run.getDefinition()).readObject();
    if (!MachineReader.isMachine(definition)) {
      throw new org.agentry.platform.boundary.StateConflictException(
          "WORKFLOW_NOT_WAITING", "The run's workflow is no state machine; it takes no events.");
    }
    machines.event(run, MachineReader.read(definition, a -> true), type, payload);
  }

  /** Cancels a running run and, after the commit, its steps' active tasks. */
  public void cancel(WorkflowRun run) {
    end(run, WorkflowStatus.CANCELLED, null, rows(run.getId()), clock.instant());
  }

  /** Gives a step's task end to its run, if a run started it and still runs. */
  void onEnded(@Observes TaskEnded ended) {
    var task = ended.task();
    var coordinator = task.getCoordinator();
    if (coordinator == null || !coordinator.startsWith(COORDINATOR)) {
      return;
    }
    var ids = coordinator.substring(COORDINATOR.length()).split(":", 2);
    if (ids.length != 2) {
      return;
    }
    var run = em.find(WorkflowRun.class, ids[0], LockModeType.PESSIMISTIC_WRITE);
    var node = em.find(WorkflowNode.class, ids[1]);
    if (run == null || node == null || !node.isRunning()) {
      return; // the run was cancelled or failed meanwhile, and its nodes with it
    }
    var now = clock.instant();
    if (task.getStatus() == TaskStatus.COMPLETED) {
      node.complete(task.getOutput() == null ? "" : task.getOutput(), now);
    } else {
      var detail = task.getErrorMessage() == null ? "" : ": " + task.getErrorMessage();
      node.end(
          WorkflowStatus.FAILED,
          task.getAgent() + " task " + task.getId() + " " + task.getStatus().apiName() + detail,
          now);
    }
    if (!run.isRunning()) {
      return;
    }
    var definition = Jsons.createReader(run.getDefinition()).readObject();
    if (MachineReader.isMachine(definition)) {
      machines.stepEnded(run, MachineReader.read(definition, a -> true), node);
    } else {
      advance(run);
    }
  }

  /**
   * Records a step and starts its task; false when the step failed at once (its agent is gone,
   * paused or disabled, or its input is empty or too long).
   */
  boolean startStep(
      WorkflowRun run, RunPlanner.Start start, Map<String, WorkflowNode> rows, Instant now) {
    var node =
        new WorkflowNode(
            run.getId(),
            start.path(),
            start.iteration(),
            start.nodeId(),
            start.kind(),
            start.agent(),
            now);
    em.persist(node);
    rows.put(node.getNodePath(), node);
    var agent = em.find(Agent.class, new TenantKey(run.getTenant(), start.agent()));
    String refusal = null;
    if (agent == null || !agent.acceptsWork()) {
      var why = agent == null ? "does not exist" : "is paused or disabled";
      refusal = "agent " + start.agent() + " " + why;
    } else if (start.input().isBlank() || start.input().length() > 100_000) {
      refusal = "the step's input is empty or longer than 100000 characters";
    }
    if (refusal != null) {
      node.end(WorkflowStatus.FAILED, refusal, now);
      return false;
    }
    var spec =
        new TaskSpec(
            start.input(), run.getPriority(), List.of(), null, null, null, null, null, null);
    var task = new Task(run.getTenant(), start.agent(), spec, maxAttempts, now);
    task.coordinatedBy(COORDINATOR + run.getId() + ":" + node.getId());
    em.persist(task);
    node.runBy(task.getId());
    events.append(task.getId(), task.getAgent(), Status.queued(task.getPriority()));
    task.enqueued(now);
    ready.fire(new TaskReady(task.getId(), task.getPriority()));
    return true;
  }

  private void record(
      WorkflowRun run, RunPlanner.Change change, Map<String, WorkflowNode> rows, Instant now) {
    if (change instanceof RunPlanner.Reached reached) {
      var node =
          new WorkflowNode(
              run.getId(),
              reached.path(),
              reached.iteration(),
              reached.nodeId(),
              reached.kind(),
              null,
              now);
      em.persist(node);
      rows.put(node.getNodePath(), node);
    } else if (change instanceof RunPlanner.Completed completed) {
      rows.get(completed.path()).complete(completed.output(), now);
    } else {
      rows.get(change.path()).end(WorkflowStatus.FAILED, ((RunPlanner.Ended) change).error(), now);
    }
  }

  /**
   * Ends the run as failed or cancelled (its {@link RunEvents.Status} event appended): its running
   * nodes cancelled, and the active tasks of its steps cancelled after the commit, each in a
   * transaction of its own ({@link ChildCancels}).
   */
  void end(
      WorkflowRun run,
      WorkflowStatus end,
      String error,
      Map<String, WorkflowNode> rows,
      Instant now) {
    if (end == WorkflowStatus.FAILED) {
      run.fail(error, now);
    } else {
      run.cancel(now);
    }
    runEvents.ended(run);
    var tasks = new ArrayList<String>();
    for (var node : rows.values()) {
      if (node.isRunning()) {
        node.end(WorkflowStatus.CANCELLED, null, now);
        if (node.getTaskId() != null) {
          tasks.add(node.getTaskId());
        }
      }
    }
    if (!tasks.isEmpty()) {
      cancels.fire(new ChildCancels.Cancel(run.getTenant(), tasks));
    }
  }

  /** The run's node rows by node path. */
  Map<String, WorkflowNode> rows(String runId) {
    var rows = new LinkedHashMap<String, WorkflowNode>();
    for (var node :
        em.createNamedQuery(WorkflowNode.OF_RUN, WorkflowNode.class)
            .setParameter("run", runId)
            .getResultList()) {
      rows.put(node.getNodePath(), node);
    }
    return rows;
  }

  private static Map<String, RunPlanner.Known> known(Map<String, WorkflowNode> rows) {
    var known = new HashMap<String, RunPlanner.Known>();
    rows.forEach(
        (path, node) ->
            known.put(
                path, new RunPlanner.Known(node.getStatus(), node.getOutput(), node.getError())));
    return known;
  }

  /** The latest output of each completed node with an id. */
  private static Map<String, String> latest(Map<String, WorkflowNode> rows) {
    var latest = new HashMap<String, String>();
    rows.values().stream()
        .filter(n -> n.getNodeId() != null && n.getStatus() == WorkflowStatus.COMPLETED)
        .sorted(Comparator.comparing(WorkflowNode::getFinishedAt))
        .forEach(n -> latest.put(n.getNodeId(), n.getOutput()));
    return latest;
  }
}
