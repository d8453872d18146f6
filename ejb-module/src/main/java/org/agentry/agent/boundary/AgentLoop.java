package org.agentry.agent.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.agentry.agent.control.LoopRun;
import org.agentry.agent.control.RunListener;
import org.agentry.agent.control.RunOutcome;
import org.agentry.budget.boundary.Budgets;
import org.agentry.session.boundary.Conversations;
import org.agentry.session.boundary.TurnStart;
import org.agentry.tool.control.ToolInvoker;
import org.agentry.tool.control.Workspaces;

/**
 * The agent loop. One run: the system prompt, the session's history and the new input, with the
 * agent's tool specifications, go to the model; the tool calls it asks for are run (several per
 * turn when it asks for several) and their results go back; repeat until the model answers without
 * tool calls or a limit stops the run: iterations, duration, token budget, cancellation, or a
 * provider failure. In a task, {@code ask_user} parks the run until someone answers.
 *
 * <p>Every step is written in its own short transaction ({@link Conversations}); no transaction is
 * open while the model or a tool works.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentLoop {

  @Inject Conversations conversations;
  @Inject ToolInvoker tools;
  @Inject Workspaces workspaces;
  @Inject Budgets budgets;

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
    budgets.requireAvailable(agent);
    var start = conversations.begin(agent, sessionId, input);
    var outcome = run(start, input, null, RunListener.NONE, () -> false);
    conversations.finish(start.sessionId());
    return outcome;
  }

  /**
   * Runs from a turn already begun.
   *
   * @param input the new user message, already stored, to add after the history; null when the
   *     history already ends with what the model should answer
   * @param taskId the task this run belongs to, or null for a chat
   * @param cancelled asked between steps; true stops the run as {@code cancelled}
   */
  public RunOutcome run(
      TurnStart start,
      String input,
      String taskId,
      RunListener listener,
      BooleanSupplier cancelled) {
    var run =
        new LoopRun(start, taskId, listener, cancelled, conversations, tools, workspaces, budgets);
    return run.loop(input);
  }
}
