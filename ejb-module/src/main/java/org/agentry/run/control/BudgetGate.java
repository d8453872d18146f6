package org.agentry.run.control;

import java.math.BigDecimal;
import java.util.Optional;
import org.agentry.budget.boundary.Reservation;

/** Holds a model call's worst case against the budgets that apply to the run. */
@FunctionalInterface
public interface BudgetGate {

  /** No budget applies: every call fits and nothing is held. */
  BudgetGate NONE = (tokens, usd) -> Optional.of(Reservation.NONE);

  /**
   * Reserves the call's worst case.
   *
   * @param tokens prompt estimate plus maximum output, tokens
   * @param usd their cost, USD
   * @return the reservation, or empty when a budget would be passed
   */
  Optional<Reservation> reserve(long tokens, BigDecimal usd);
}
