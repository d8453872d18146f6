package org.agentry.agent.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An agent addressed an agent that is not among its {@code peers}: the REST layer answers 403 with
 * the code {@code PEER_NOT_ALLOWED}. Nothing was recorded.
 */
@ApplicationException(rollback = true)
public class PeerNotAllowedException extends RuntimeException {

  /**
   * @param sender the agent that sent the message
   * @param target the agent it addressed
   */
  public PeerNotAllowedException(String sender, String target) {
    super(
        "Agent '" + sender + "' may not address agent '" + target + "': it is not among its peers.",
        null,
        false,
        false);
  }
}
