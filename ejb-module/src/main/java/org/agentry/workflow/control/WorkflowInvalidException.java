package org.agentry.workflow.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A workflow definition breaks a rule; the REST layer answers 422 {@code WORKFLOW_INVALID} with the
 * JSON path of the first bad node and every violation found.
 */
@ApplicationException(rollback = true)
public class WorkflowInvalidException extends RuntimeException {

  /**
   * One broken rule.
   *
   * @param path the JSON path of the bad node or member, e.g. {@code $.root.steps[2]}
   * @param message what is wrong there
   */
  public record Violation(String path, String message) {}

  private final transient List<Violation> violations;

  /**
   * @param violations at least one
   */
  public WorkflowInvalidException(List<Violation> violations) {
    super(violations.get(0).path() + ": " + violations.get(0).message(), null, false, false);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
