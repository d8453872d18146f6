package org.agentry.schedule.control;

import java.util.Optional;
import org.agentry.budget.boundary.BudgetExhaustedException;
import org.agentry.payload.control.InvalidPayloadException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;

/**
 * Why a schedule's task was refused, as the problem code the task API would have answered: the
 * agent is gone ({@code AGENT_NOT_FOUND}), paused ({@code AGENT_PAUSED}) or disabled, its budget is
 * used up ({@code BUDGET_EXHAUSTED}), the template breaks a rule ({@code VALIDATION_FAILED}), or
 * its input is not a valid payload of the agent's XML payload type ({@code XML_INVALID} and kin).
 * Anything else — a database or node failure — is no refusal: the slot stays due and is tried
 * again.
 *
 * @param code the stable problem code
 * @param message what was in the way, fit for an API client
 */
public record Refusal(String code, String message) {

  /** The refusal an exception stands for, or empty if it is a failure rather than a refusal. */
  public static Optional<Refusal> of(Throwable e) {
    String code = null;
    if (e instanceof UnknownResourceException unknown) {
      code = unknown.code();
    } else if (e instanceof StateConflictException conflict) {
      code = conflict.code();
    } else if (e instanceof BudgetExhaustedException) {
      code = "BUDGET_EXHAUSTED";
    } else if (e instanceof InvalidInputException) {
      code = "VALIDATION_FAILED";
    } else if (e instanceof InvalidPayloadException payload) {
      code = payload.code();
    }
    return code == null ? Optional.empty() : Optional.of(new Refusal(code, e.getMessage()));
  }
}
