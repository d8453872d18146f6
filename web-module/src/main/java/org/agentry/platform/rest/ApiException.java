package org.agentry.platform.rest;

/**
 * Thrown by resources to answer with a specific problem, e.g. a validation failure. Boundaries and
 * controls throw their own domain exceptions instead; this type stays in {@code rest} packages.
 */
public class ApiException extends RuntimeException {

  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  /** 400 {@code VALIDATION_FAILED} with a detail naming the field and the rule. */
  public static ApiException validation(String detail) {
    return new ApiException(new Problem(400, "VALIDATION_FAILED", "Validation failed", detail));
  }

  public Problem problem() {
    return problem;
  }
}
