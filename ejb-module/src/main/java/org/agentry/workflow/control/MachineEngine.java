package org.agentry.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.workflow.entity.WorkflowNode;
import org.agentry.workflow.entity.WorkflowRun;
import org.agentry.workflow.entity.WorkflowStatus;

/**
 * Runs state-machine workflows in the caller's transaction. Each state entered is a node row at
 * {@code $.states.<name>@<n>} (n: the transition count, also its {@code iteration}), so the rows in
 * order are the transition history and the last one the current state. A transition is taken in the
 * transaction that ended the state's task or accepted its event, and enters the next state there:
 * an agent state starts its task, a wait state waits, a final state ends the run.
 */
@ApplicationScoped
public class MachineEngine {

  @PersistenceContext EntityManager em;

  @Inject WorkflowEngine engine;
  @Inject RunEvents runEvents;
  @Inject Clock clock;

  /** Enters the initial state of a new run with the run's input. */
  void start(WorkflowRun run, StateMachine machine) {
    enter(run, machine, machine.initial(), 0, run.getInput(), engine.rows(run.getId()));
  }

  /** Takes the transition of an agent state whose task ended. */
  void stepEnded(WorkflowRun run, StateMachine machine, WorkflowNode node) {
    var state = (StateMachine.AgentState) machine.states().get(node.getNodeId());
    boolean completed = node.getStatus() == WorkflowStatus.COMPLETED;
    var key = StateMachine.outcome(state, completed, completed ? node.getOutput() : "");
    var input = completed ? node.getOutput() : node.getError();
    follow(run, machine, node, key, input, engine.rows(run.getId()));
  }

  /**
   * Gives an event to a run whose current state waits for its type, and takes the transition; the
   * payload is the next state's input.
   *
   * @throws StateConflictException {@code WORKFLOW_NOT_WAITING} if the current state does not wait
   *     for this type
   */
  public void event(WorkflowRun run, StateMachine machine, String type, String payload) {
    var rows = engine.rows(run.getId());
    var current =
        rows.values().stream()
            .filter(n -> n.isRunning() && n.getKind().equals("wait"))
            .findFirst()
            .orElse(null);
    var waiting =
        current == null
            ? Map.<String, String>of()
            : ((StateMachine.WaitState) machine.states().get(current.getNodeId())).on();
    if (!waiting.containsKey(type)) {
      throw new StateConflictException(
          "WORKFLOW_NOT_WAITING",
          "The run's current state waits for no event '"
              + type
              + "'"
              + (waiting.isEmpty() ? "." : "; it waits for " + waiting.keySet() + "."));
    }
    current.complete(payload, clock.instant());
    follow(run, machine, current, type, payload, rows);
  }

  private void follow(
      WorkflowRun run,
      StateMachine machine,
      WorkflowNode from,
      String key,
      String input,
      Map<String, WorkflowNode> rows) {
    var target = on(machine.states().get(from.getNodeId())).get(key);
    var now = clock.instant();
    if (target == null) {
      engine.end(
          run,
          WorkflowStatus.FAILED,
          "state " + from.getNodeId() + " has no transition for '" + key + "'",
          rows,
          now);
    } else if (from.getIteration() + 1 >= machine.maxTransitions()) {
      engine.end(
          run,
          WorkflowStatus.FAILED,
          "more than " + machine.maxTransitions() + " transitions (maxTransitions)",
          rows,
          now);
    } else {
      enter(run, machine, target, from.getIteration() + 1, input, rows);
    }
  }

  private void enter(
      WorkflowRun run,
      StateMachine machine,
      String name,
      int n,
      String input,
      Map<String, WorkflowNode> rows) {
    var state = machine.states().get(name);
    var path = "$.states." + name + "@" + n;
    var now = clock.instant();
    if (state instanceof StateMachine.AgentState agent) {
      var text = Templates.render(agent.template(), input == null ? "" : input, id -> "");
      var start = new RunPlanner.Start(path, n, name, "state", agent.agent(), text);
      if (!engine.startStep(run, start, rows, now)) {
        var refused = rows.get(path);
        follow(run, machine, refused, StateMachine.FAILED, refused.getError(), rows);
      }
      return;
    }
    var kind = state instanceof StateMachine.WaitState ? "wait" : "final";
    var node = new WorkflowNode(run.getId(), path, n, name, kind, null, now);
    em.persist(node);
    rows.put(path, node);
    if (state instanceof StateMachine.FinalState end) {
      node.complete(input, now);
      if (end.completed()) {
        run.complete(input, now);
        runEvents.ended(run);
      } else {
        engine.end(
            run,
            WorkflowStatus.FAILED,
            "the run reached the final state '" + name + "'",
            rows,
            now);
      }
    }
  }

  private static Map<String, String> on(StateMachine.State state) {
    if (state instanceof StateMachine.AgentState agent) {
      return agent.on();
    }
    return state instanceof StateMachine.WaitState wait ? wait.on() : Map.of();
  }
}
