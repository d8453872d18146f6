package org.agentry.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;

/** Classifies exceptions by their cause chain. */
final class Causes {

  private Causes() {}

  /** Whether a JSON parse or binding failure caused this. */
  static boolean isJsonError(Throwable t) {
    for (var c = t; c != null; c = c.getCause()) {
      if (c instanceof JsonbException
          || c instanceof JsonParsingException
          || c instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this change lost a race with another: an optimistic-lock conflict, or a unique key
   * (SQLSTATE 23505, on PostgreSQL and H2) that another transaction took first.
   */
  static boolean isConcurrentUpdate(Throwable t) {
    for (var c = t; c != null; c = c.getCause()) {
      if (c instanceof jakarta.persistence.OptimisticLockException
          || c.getClass().getName().endsWith(".OptimisticLockException")
          || (c instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the request body size limit caused this. */
  static boolean isPayloadTooLarge(Throwable t, HttpServletRequest request) {
    return BodySizeLimitFilter.exceeded(request) || isPayloadTooLarge(t);
  }

  /** Whether the request body size limit caused this, judged by the cause chain alone. */
  static boolean isPayloadTooLarge(Throwable t) {
    for (var c = t; c != null; c = c.getCause()) {
      if (c instanceof BodySizeLimitFilter.PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
