package org.agentry.run.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.agentry.agent.entity.Agent;
import org.agentry.approval.control.PendingApprovals;
import org.agentry.budget.boundary.Budgets;
import org.agentry.budget.entity.AgentBudget;
import org.agentry.payload.control.PayloadSchemas;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.provider.entity.Provider;
import org.agentry.run.control.Admission;
import org.agentry.run.control.RunOutcome;
import org.agentry.run.control.StepRecorder.Ending;
import org.agentry.run.control.StepRecorder.ModelStep;
import org.agentry.run.control.StepRecorder.ToolRun;
import org.agentry.run.control.StepWriter;
import org.agentry.session.control.MessageWriter;
import org.agentry.session.control.SessionHistory;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.tenant.control.CallerTenant;
import org.agentry.tenant.entity.TenantKey;
import org.agentry.tool.entity.ToolCallOrigin;

/**
 * A chat turn's writes, each in its own short transaction: starting the turn, a model call that
 * asked for tools, the tools' results, the turn's end. No transaction here ever waits on a model or
 * a tool.
 */
@Stateless
public class ChatTurns {

  @PersistenceContext EntityManager em;

  @Inject CallerTenant tenant;

  @Inject StepWriter writer;
  @Inject MessageWriter messages;
  @Inject SessionHistory sessionHistory;
  @Inject Budgets budgets;
  @Inject Clock clock;
  @Inject PayloadSchemas schemas;
  @Inject PendingApprovals approvals;

  /**
   * Starts a turn: checks the agent's budget is not used up and the agent accepts work (reading the
   * agent and its budget in one query, once for the turn), opens or continues the session, reads
   * its latest messages ({@link SessionHistory}), and appends the user's message.
   *
   * @param sessionId the session to continue, or null for a new one
   * @throws UnknownResourceException if the agent, its provider or the session does not exist
   * @throws StateConflictException {@code AGENT_PAUSED}, {@code AGENT_DISABLED}, {@code
   *     SESSION_KILLED} or {@code SESSION_OF_OTHER_AGENT}
   * @throws org.agentry.budget.boundary.BudgetExhaustedException if its daily or monthly budget is
   *     used up
   * @throws org.agentry.payload.control.InvalidPayloadException if the agent has a typed XML
   *     payload and the input is not a valid one
   */
  public TurnStart begin(String agentName, String sessionId, String input) {
    var row =
        em.createNamedQuery(Agent.WITH_BUDGET, Object[].class)
            .setParameter("tenant", tenant.id())
            .setParameter("name", agentName)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new UnknownResourceException("agent", agentName));
    var agent = (Agent) row[0];
    var budget = (AgentBudget) row[1];
    budgets.requireAvailable(tenant.id(), agentName, budget);
    Admission.requireTakesWork(agent);
    var spec = agent.spec();
    if (spec.payload() != null) {
      schemas.validate(spec.payload(), input);
    }
    var provider = em.find(Provider.class, new TenantKey(tenant.id(), spec.provider()));
    if (provider == null) {
      throw new UnknownResourceException("provider", spec.provider());
    }
    var session = openSession(agentName, sessionId);
    var history = sessionHistory.latest(session.getId());
    messages.insert(Message.user(session.getId(), input, clock.instant()));
    return new TurnStart(
        agentName,
        spec,
        provider,
        session.getId(),
        history,
        budgets.limitsFor(tenant.id(), agentName, budget));
  }

  private Session openSession(String agentName, String sessionId) {
    if (sessionId == null) {
      var session = new Session(tenant.id(), agentName, clock.instant());
      em.persist(session);
      return session;
    }
    var session = em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null || !session.getTenant().equals(tenant.id())) {
      throw new UnknownResourceException("session", sessionId);
    }
    Admission.requireContinuable(session, agentName);
    return session;
  }

  /**
   * Writes a chat's model call whose answer was not the agent's XML output element, with its usage
   * and budget settlement, and the user message asking the model to repair it.
   */
  public void recordRepair(ToolCallOrigin origin, String provider, ModelStep step, String request) {
    writer.modelStep(origin, provider, step);
    messages.insert(Message.user(origin.sessionId(), request, clock.instant()));
  }

  /** Writes a chat's model call that asked for tools, with its usage and budget settlement. */
  public void recordModelStep(ToolCallOrigin origin, String provider, ModelStep step) {
    writer.modelStep(origin, provider, step);
  }

  /** Writes the results of a chat step's tool calls. */
  public void recordToolRuns(ToolCallOrigin origin, List<ToolRun> runs) {
    writer.toolRuns(origin, runs);
  }

  /**
   * Writes the turn's end: its last step and pending tool results, the approval it ends on (if
   * any), and counts the turn.
   */
  public void finishTurn(ToolCallOrigin origin, String provider, Ending ending) {
    if (ending.step() != null) {
      writer.modelStep(origin, provider, ending.step());
    }
    if (ending.released() != null) {
      budgets.settle(ending.released(), 0, BigDecimal.ZERO);
    }
    writer.toolRuns(origin, ending.toolRuns());
    if (ending.outcome() instanceof RunOutcome.Waiting waiting && waiting.approval() != null) {
      approvals.open(waiting.approval(), origin.agent(), origin.sessionId(), null);
    }
    writer.turnCompleted(origin.sessionId());
  }
}
