package org.agentry.payload.control;

import jakarta.ejb.ApplicationException;

/**
 * An XML payload that was refused; rolls back the transaction, so nothing is stored. The REST layer
 * answers 422 with the {@link #code()} and the problem's line, column and message.
 */
@ApplicationException(rollback = true)
public class InvalidPayloadException extends RuntimeException {

  /** Why a payload was refused; the names are the API's stable problem codes. */
  public enum Reason {
    /** Not well-formed XML (XML 1.0 §2.1), or not the element the agent takes. */
    XML_NOT_WELL_FORMED,
    /** The document has a {@code <!DOCTYPE}: DTDs, and with them entities, are refused. */
    XML_DOCTYPE_REFUSED,
    /** Well-formed, but the schema validator or the expected root element refused it. */
    XML_INVALID
  }

  private final Reason reason;
  private final transient XmlProblem problem;

  public InvalidPayloadException(Reason reason, XmlProblem problem) {
    super(problem.toString(), null, false, false);
    this.reason = reason;
    this.problem = problem;
  }

  /** The stable code, e.g. {@code XML_INVALID}. */
  public String code() {
    return reason.name();
  }

  public Reason reason() {
    return reason;
  }

  /** Where and what. */
  public XmlProblem problem() {
    return problem;
  }
}
