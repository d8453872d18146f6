package org.agentry.schedule.control;

import jakarta.ejb.ApplicationException;

/**
 * A schedule's timing makes no rhythm: a cron expression that does not parse or never fires, a time
 * zone that is not an IANA one, an interval out of range, a window that ends before it starts. The
 * REST layer answers 422 {@code INVALID_SCHEDULE}; the message names the field and the rule.
 */
@ApplicationException(rollback = true)
public class InvalidScheduleException extends RuntimeException {

  public InvalidScheduleException(String message) {
    super(message, null, false, false);
  }

  /**
   * Checks a condition.
   *
   * @throws InvalidScheduleException with the message when the condition is false
   */
  static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidScheduleException(message);
    }
  }
}
