package org.agentry.goal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.agentry.goal.entity.GoalStep;
import org.junit.jupiter.api.Test;

class DagTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private static GoalStep step(String id, String... deps) {
    return new GoalStep("g", 0, id, "agent", "do " + id, List.of(deps), NOW);
  }

  private static List<String> ids(List<GoalStep> steps) {
    return steps.stream().map(GoalStep::getStepId).toList();
  }

  @Test
  void fanOutThenFanIn() {
    var a = step("a");
    var b = step("b");
    var c = step("c", "a", "b");
    var all = List.of(a, b, c);

    assertEquals(List.of("a", "b"), ids(Dag.ready(all, Set.of())));

    a.started("t1", NOW);
    b.started("t2", NOW);
    assertEquals(List.of(), ids(Dag.ready(all, Set.of())), "running steps do not start again");

    a.completed("A", NOW);
    assertEquals(List.of(), ids(Dag.ready(all, Set.of("a"))), "c waits for b");

    b.completed("B", NOW);
    assertEquals(List.of("c"), ids(Dag.ready(all, Set.of("a", "b"))));
    assertFalse(Dag.allCompleted(all));

    c.started("t3", NOW);
    c.completed("C", NOW);
    assertTrue(Dag.allCompleted(all));
  }

  @Test
  void aStepOfANewRoundMayWaitOnlyForStepsCompletedInAnEarlierOne() {
    var next = step("next", "old");
    assertEquals(List.of("next"), ids(Dag.ready(List.of(next), Set.of("old"))));
    assertEquals(List.of(), ids(Dag.ready(List.of(next), Set.of())));
  }
}
