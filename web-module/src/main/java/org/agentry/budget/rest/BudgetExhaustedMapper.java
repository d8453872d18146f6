package org.agentry.budget.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.agentry.budget.boundary.BudgetExhaustedException;
import org.agentry.platform.rest.Problem;

/**
 * 429 {@code BUDGET_EXHAUSTED}, without {@code Retry-After}: waiting a little does not help, a new
 * day or month or a higher limit does.
 */
@Provider
public class BudgetExhaustedMapper implements ExceptionMapper<BudgetExhaustedException> {

  @Override
  public Response toResponse(BudgetExhaustedException e) {
    return new Problem(429, "BUDGET_EXHAUSTED", "Budget exhausted", e.getMessage()).toResponse();
  }
}
