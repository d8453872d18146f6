package org.agentry.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * No resource of a kind has the given id or name. The REST layer answers 404 with the code {@code
 * <KIND>_NOT_FOUND}, e.g. {@code AGENT_NOT_FOUND}.
 */
@ApplicationException(rollback = true)
public class UnknownResourceException extends RuntimeException {

  private static final Pattern ECHOED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

  private final String kind;

  /**
   * @param kind the resource kind in words, e.g. {@code agent}, {@code API key}
   * @param id the id or name asked for
   */
  public UnknownResourceException(String kind, String id) {
    super(message(kind, id), null, false, false);
    this.kind = kind;
  }

  /**
   * Names the id only when it has the shape of one (a name or a UUID): anything else — a token
   * pasted into the path by mistake, say — is not echoed back.
   */
  private static String message(String kind, String id) {
    if (id != null && ECHOED.matcher(id).matches()) {
      return "There is no " + kind + " '" + id + "'.";
    }
    return "There is no " + kind + " with that id.";
  }

  /** The problem code, e.g. {@code AGENT_NOT_FOUND}. */
  public String code() {
    return kind.toUpperCase(Locale.ROOT).replace(' ', '_') + "_NOT_FOUND";
  }
}
