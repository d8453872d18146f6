package org.agentry.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The request does not fit the resource's current state: a paused agent, a killed session, a name
 * already taken. The REST layer answers 409 with the given code.
 */
@ApplicationException(rollback = true)
public class StateConflictException extends RuntimeException {

  private final String code;

  /**
   * @param code stable problem code, e.g. {@code AGENT_PAUSED}
   * @param message what is in the way, fit for an API client
   */
  public StateConflictException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
