package org.agentry.budget.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a model call holds against its budgets until it settles.
 *
 * @param id the stored reservation's id, null when nothing is held
 * @param scopes the budget counters reserved against
 * @param tokens reserved tokens (the call's worst case)
 * @param usd reserved cost in USD
 */
public record Reservation(String id, List<String> scopes, long tokens, BigDecimal usd) {

  /** Nothing held: no budget applies. */
  public static final Reservation NONE = new Reservation(null, List.of(), 0, BigDecimal.ZERO);

  /** Whether anything is held. */
  public boolean holds() {
    return !scopes.isEmpty();
  }
}
