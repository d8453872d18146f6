package org.agentry.run.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.agentry.agent.entity.StopReason;
import org.agentry.budget.boundary.Budgets;
import org.agentry.run.control.BudgetGate;
import org.agentry.run.control.LoopRuns;
import org.agentry.run.control.ModelFactory;
import org.agentry.run.control.RunContext;
import org.agentry.run.control.RunOutcome;
import org.agentry.run.control.StepRecorder.Ending;
import org.agentry.run.control.Transcript;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tool.control.Workspaces;

/**
 * Chat with an agent: one turn of the agent loop ({@link LoopRuns}) in a session. Every step is
 * written in its own short transaction ({@link ChatTurns}); no transaction is open while the model
 * or a tool works.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentLoop {

  @Inject ChatTurns turns;
  @Inject LoopRuns loops;
  @Inject Workspaces workspaces;

  @Inject CallerTenant tenant;
  @Inject Budgets budgets;
  @Inject ModelFactory models;

  /**
   * Runs one chat turn: opens or continues the session, appends the input, runs.
   *
   * @param sessionId the session to continue, or null to start one
   * @throws org.agentry.platform.boundary.UnknownResourceException for an unknown agent or session
   * @throws org.agentry.platform.boundary.StateConflictException if the agent or session takes no
   *     work
   * @throws org.agentry.budget.boundary.BudgetExhaustedException if the agent's budget is used up
   */
  public RunOutcome chat(String agent, String sessionId, String input) {
    return chat(agent, sessionId, input, false);
  }

  /**
   * As {@link #chat(String, String, String)}; {@code speculative} answers with the agent's
   * speculative model instead of its model.
   *
   * @throws IllegalStateException for {@code speculative} when the agent has no speculative model
   */
  public RunOutcome chat(String agent, String sessionId, String input, boolean speculative) {
    var begun = turns.begin(agent, sessionId, input);
    var turn =
        speculative
            ? new TurnStart(
                begun.agent(),
                begun.spec().onSpeculativeModel(),
                begun.provider(),
                begun.sessionId(),
                begun.history(),
                begun.limits())
            : begun;
    var recorder =
        new ChatRecorder(turns, tenant.id(), agent, turn.sessionId(), turn.provider().getName());
    RunContext context;
    try {
      var model = models.model(turn.provider(), turn.spec());
      context =
          new RunContext(
              tenant.id(),
              agent,
              turn.spec(),
              model,
              turn.sessionId(),
              Transcript.toChatMessages(turn.history()),
              input,
              null,
              workspaces.of(tenant.id(), agent));
    } catch (IllegalArgumentException e) {
      var totals = new RunOutcome.Totals(turn.sessionId(), 0, 0, 0, BigDecimal.ZERO, List.of());
      var outcome =
          new RunOutcome.Stopped(StopReason.PROVIDER_ERROR, e.getMessage(), false, totals);
      recorder.finish(new Ending(null, null, List.of(), outcome));
      return outcome;
    }
    var limits = turn.limits();
    BudgetGate gate =
        limits.applies()
            ? (tokens, usd) -> budgets.reserve(limits, turn.sessionId(), tokens, usd)
            : BudgetGate.NONE;
    return loops.run(context, gate, recorder);
  }
}
