package org.agentry.budget.boundary;

import jakarta.ejb.ApplicationException;

/** The agent's daily or monthly budget is used up: new chats and tasks are refused (429). */
@ApplicationException(rollback = true)
public class BudgetExhaustedException extends RuntimeException {

  public BudgetExhaustedException(String agent, String period) {
    super(
        "The "
            + period
            + " budget of agent '"
            + agent
            + "' is used up; raise it or wait for the next "
            + period
            + ".",
        null,
        false,
        false);
  }
}
