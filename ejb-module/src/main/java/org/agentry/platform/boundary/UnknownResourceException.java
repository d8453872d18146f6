package org.agentry.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Locale;

/**
 * No resource of a kind has the given id or name. The REST layer answers 404 with the code {@code
 * <KIND>_NOT_FOUND}, e.g. {@code AGENT_NOT_FOUND}.
 */
@ApplicationException(rollback = true)
public class UnknownResourceException extends RuntimeException {

  private final String kind;

  /**
   * @param kind the resource kind in words, e.g. {@code agent}, {@code API key}
   * @param id the id or name asked for
   */
  public UnknownResourceException(String kind, String id) {
    super("There is no " + kind + " '" + id + "'.", null, false, false);
    this.kind = kind;
  }

  /** The problem code, e.g. {@code AGENT_NOT_FOUND}. */
  public String code() {
    return kind.toUpperCase(Locale.ROOT).replace(' ', '_') + "_NOT_FOUND";
  }
}
