package org.agentry.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import org.agentry.budget.boundary.BudgetExhaustedException;
import org.agentry.platform.boundary.StateConflictException;
import org.agentry.platform.boundary.UnknownResourceException;
import org.agentry.platform.entity.InvalidInputException;
import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void refusedTasksKeepTheTaskApisCodes() {
    assertEquals("AGENT_NOT_FOUND", code(new UnknownResourceException("agent", "x")));
    assertEquals("AGENT_PAUSED", code(new StateConflictException("AGENT_PAUSED", "paused")));
    assertEquals("BUDGET_EXHAUSTED", code(new BudgetExhaustedException("x", "day")));
    assertEquals("VALIDATION_FAILED", code(new InvalidInputException("bad")));
    var refusal = Refusal.of(new StateConflictException("AGENT_DISABLED", "off")).orElseThrow();
    assertEquals("off", refusal.message());
  }

  @Test
  void failuresOfTheNodeAreNoRefusals() {
    assertTrue(Refusal.of(new EJBException("duplicate key")).isEmpty());
    assertTrue(Refusal.of(new IllegalStateException("database unreachable")).isEmpty());
  }

  private static String code(RuntimeException e) {
    return Refusal.of(e).orElseThrow().code();
  }
}
