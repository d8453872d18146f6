package org.agentry.run.control;

import org.agentry.agent.entity.Agent;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.session.entity.Session;

/** Whether new work (a chat turn, a task) may start: the same checks for both. */
public final class Admission {

  private Admission() {}

  /**
   * Refuses work for an agent that is paused or disabled.
   *
   * @throws StateConflictException {@code AGENT_PAUSED} or {@code AGENT_DISABLED}
   */
  public static void requireTakesWork(Agent agent) {
    if (agent.isPaused()) {
      throw new StateConflictException("AGENT_PAUSED", "The agent is paused; resume it first.");
    }
    if (!agent.acceptsWork()) {
      throw new StateConflictException("AGENT_DISABLED", "The agent is disabled.");
    }
  }

  /**
   * Refuses to continue a session of another agent, or a killed one.
   *
   * @throws StateConflictException {@code SESSION_OF_OTHER_AGENT} or {@code SESSION_KILLED}
   */
  public static void requireContinuable(Session session, String agent) {
    if (!session.getAgentName().equals(agent)) {
      throw new StateConflictException(
          "SESSION_OF_OTHER_AGENT",
          "The session belongs to agent '" + session.getAgentName() + "'.");
    }
    if (!session.isActive()) {
      throw new StateConflictException("SESSION_KILLED", "The session was killed.");
    }
  }
}
