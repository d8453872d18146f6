package org.agentry.agent.control;

import org.agentry.agent.boundary.PeerNotAllowedException;
import org.agentry.agent.entity.Agent;

/**
 * The routing rule between agents, as in xml-pipeline: an agent addresses only the agents it names
 * in its {@code peers}. Every agent-to-agent path calls {@link #requireMayAddress}: a message sent
 * with {@code POST /api/v1/inject} {@code from} an agent today, and delegation to another agent
 * once it exists.
 */
public final class Peers {

  private Peers() {}

  /**
   * Refuses a message or a delegation from {@code sender} to the agent {@code target} unless the
   * target is among the sender's peers. An agent without peers addresses no one (itself included).
   *
   * @throws PeerNotAllowedException {@code PEER_NOT_ALLOWED} (403) otherwise
   */
  public static void requireMayAddress(Agent sender, String target) {
    if (!sender.spec().mayAddress(target)) {
      throw new PeerNotAllowedException(sender.getName(), target);
    }
  }
}
