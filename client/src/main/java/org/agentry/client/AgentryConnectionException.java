package org.agentry.client;

/**
 * The server could not be reached or the connection broke (refused, unknown host, timed out, reset)
 * before an answer was read. Nothing is known about whether a request that changes something took
 * effect.
 */
public class AgentryConnectionException extends RuntimeException {

  /** A connection failure with its cause. */
  public AgentryConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
