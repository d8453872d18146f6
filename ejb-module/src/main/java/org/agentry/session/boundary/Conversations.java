package org.agentry.session.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.agentry.agent.entity.Agent;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.provider.entity.Provider;
import org.agentry.session.entity.Message;
import org.agentry.session.entity.Session;
import org.agentry.tool.control.ToolOutcome;
import org.agentry.tool.entity.ToolCallOrigin;
import org.agentry.tool.entity.ToolCallRecord;
import org.agentry.usage.entity.ModelCall;
import org.agentry.usage.entity.UsageRecord;

/**
 * The agent loop's writes, each in its own short transaction: starting a turn, recording a model
 * call with its usage, recording a tool call with its result, finishing the turn. No transaction
 * here ever waits on a model or a tool.
 */
@Stateless
public class Conversations {

  @PersistenceContext EntityManager em;

  /**
   * Starts a turn: checks the agent accepts work, opens or continues the session, and appends the
   * user's message.
   *
   * @param sessionId the session to continue, or null for a new one
   * @throws UnknownResourceException if the agent, its provider or the session does not exist
   * @throws StateConflictException {@code AGENT_PAUSED}, {@code AGENT_DISABLED}, {@code
   *     SESSION_KILLED} or {@code SESSION_OF_OTHER_AGENT}
   */
  public TurnStart begin(String agentName, String sessionId, String input) {
    var agent = em.find(Agent.class, agentName);
    if (agent == null) {
      throw new UnknownResourceException("agent", agentName);
    }
    if (agent.isPaused()) {
      throw new StateConflictException("AGENT_PAUSED", "The agent is paused; resume it first.");
    }
    if (!agent.acceptsWork()) {
      throw new StateConflictException("AGENT_DISABLED", "The agent is disabled.");
    }
    var spec = agent.spec();
    var provider = em.find(Provider.class, spec.provider());
    if (provider == null) {
      throw new UnknownResourceException("provider", spec.provider());
    }
    var session = openSession(agentName, sessionId);
    var history =
        em.createNamedQuery(Message.FIND_BY_SESSION, Message.class)
            .setParameter("session", session.getId())
            .setParameter("after", 0L)
            .getResultList();
    em.persist(Message.user(session.getId(), input, now()));
    return new TurnStart(agentName, spec, provider, session.getId(), history);
  }

  private Session openSession(String agentName, String sessionId) {
    if (sessionId == null) {
      var session = new Session(agentName, now());
      em.persist(session);
      return session;
    }
    var session = em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw new UnknownResourceException("session", sessionId);
    }
    if (!session.getAgentName().equals(agentName)) {
      throw new StateConflictException(
          "SESSION_OF_OTHER_AGENT",
          "The session belongs to agent '" + session.getAgentName() + "'.");
    }
    if (!session.isActive()) {
      throw new StateConflictException("SESSION_KILLED", "The session was killed.");
    }
    return session;
  }

  /**
   * Appends the model's reply and its usage.
   *
   * @param toolCallsJson the tool calls it asked for as a JSON array, or null
   * @param costUsd the call's cost from the price table
   * @param latencyMs the call's duration, retries included
   */
  public void recordModelCall(
      ModelCall call,
      String text,
      String toolCallsJson,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs) {
    var now = now();
    em.persist(Message.assistant(call.sessionId(), text, toolCallsJson, now));
    em.persist(new UsageRecord(call, promptTokens, completionTokens, costUsd, latencyMs, now));
  }

  /** Appends a tool's result (what the model is told) and records the call. */
  public void recordToolCall(
      ToolCallOrigin origin,
      String callId,
      String toolName,
      String arguments,
      ToolOutcome outcome) {
    var now = now();
    em.persist(
        new ToolCallRecord(
            origin,
            callId,
            toolName,
            arguments,
            outcome.result(),
            outcome.error(),
            outcome.durationMs(),
            now));
    em.persist(
        Message.toolResult(origin.sessionId(), callId, toolName, outcome.textForModel(), now));
  }

  /** Whether the session may go on (it was not killed meanwhile). */
  public boolean isActive(String sessionId) {
    var session = em.find(Session.class, sessionId);
    return session != null && session.isActive();
  }

  /** Counts the finished turn on the session. */
  public void finish(String sessionId) {
    var session = em.find(Session.class, sessionId);
    if (session != null) {
      session.completeTurn(now());
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
