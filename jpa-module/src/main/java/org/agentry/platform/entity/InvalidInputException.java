package org.agentry.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Input that breaks a rule of the domain, e.g. an agent name that does not match its pattern. The
 * message names the field and the rule, in words fit for an API client; the REST layer answers it
 * with 400 {@code VALIDATION_FAILED}. Thrown by entities and boundaries; rolls back the
 * transaction.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message, null, false, false);
  }

  /**
   * Checks a condition.
   *
   * @throws InvalidInputException with the message when the condition is false
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidInputException(message);
    }
  }
}
