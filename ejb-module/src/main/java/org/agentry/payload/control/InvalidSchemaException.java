package org.agentry.payload.control;

import jakarta.ejb.ApplicationException;

/**
 * An agent's XML Schema that does not compile, or that does not declare the elements the agent
 * names; rolls back the transaction. The REST layer answers 422 {@code PAYLOAD_SCHEMA_INVALID}.
 */
@ApplicationException(rollback = true)
public class InvalidSchemaException extends RuntimeException {

  private final transient XmlProblem problem;

  public InvalidSchemaException(XmlProblem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  /** Where in the schema document and what. */
  public XmlProblem problem() {
    return problem;
  }
}
