package org.agentry.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An update named a version ({@code If-Match}) that is no longer the current one. The REST layer
 * answers 412 {@code PRECONDITION_FAILED}.
 */
@ApplicationException(rollback = true)
public class StaleVersionException extends RuntimeException {

  public StaleVersionException(String kind, String id) {
    super(
        "The " + kind + " '" + id + "' was changed since you read it; read it again.",
        null,
        false,
        false);
  }
}
