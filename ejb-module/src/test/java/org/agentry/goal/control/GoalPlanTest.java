package org.agentry.goal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.agentry.goal.control.GoalPlan.InvalidPlanException;
import org.agentry.goal.control.GoalPlan.Rules;
import org.junit.jupiter.api.Test;

class GoalPlanTest {

  private static final Rules RULES =
      new Rules(5, agent -> agent.equals("ghost") ? "does not exist" : null, Set.of());

  private static String step(String id, String agent, String... deps) {
    var list = new StringBuilder();
    for (var dep : deps) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(dep).append('"');
    }
    return "{\"id\":\""
        + id
        + "\",\"agent\":\""
        + agent
        + "\",\"input\":\"do "
        + id
        + "\",\"dependsOn\":["
        + list
        + "]}";
  }

  private static String plan(String... steps) {
    return "{\"steps\":[" + String.join(",", steps) + "]}";
  }

  private static String refusal(String answer, Rules rules) {
    return assertThrows(InvalidPlanException.class, () -> GoalPlan.parse(answer, rules))
        .getMessage();
  }

  @Test
  void aDiamondInACodeFenceIsAccepted() throws Exception {
    var answer =
        "Here it is:\n```json\n"
            + plan(step("a", "r"), step("b", "w"), step("c", "r", "a", "b"))
            + "\n```";

    var parsed = GoalPlan.parse(answer, RULES);

    assertEquals(List.of("a", "b", "c"), parsed.steps().stream().map(GoalPlan.Step::id).toList());
    assertEquals(List.of("a", "b"), parsed.steps().get(2).dependsOn());
    assertEquals("do c", parsed.steps().get(2).input());
  }

  @Test
  void aCycleIsRefusedNamingAStepOnIt() {
    var error = refusal(plan(step("a", "r", "c"), step("b", "r", "a"), step("c", "r", "b")), RULES);
    assertTrue(error.contains("cycle"), error);
  }

  @Test
  void aStepDependingOnItselfIsRefused() {
    var error = refusal(plan(step("a", "r", "a")), RULES);
    assertTrue(error.contains("'a' depends on itself"), error);
  }

  @Test
  void unknownDependenciesDuplicatesAndUnknownAgentsAreAllNamed() {
    var error = refusal(plan(step("a", "r", "zz"), step("a", "ghost")), RULES);
    assertTrue(error.contains("unknown step 'zz'"), error);
    assertTrue(error.contains("'a' is used twice"), error);
    assertTrue(error.contains("agent 'ghost' does not exist"), error);
  }

  @Test
  void tooManyStepsReservedIdsAndNoJsonAreRefused() {
    var six =
        plan(
            step("a", "r"),
            step("b", "r"),
            step("c", "r"),
            step("d", "r"),
            step("e", "r"),
            step("f", "r"));
    assertTrue(refusal(six, RULES).contains("at most 5 steps"));
    assertTrue(refusal(plan(step("plan", "r")), RULES).contains("not be plan or synthesis"));
    assertTrue(refusal("I cannot plan this.", RULES).contains("no JSON object"));
    assertTrue(refusal("{\"steps\": [}", RULES).contains("not valid JSON"));
    assertTrue(refusal("{\"steps\": []}", RULES).contains("at least one step"));
    assertTrue(refusal("{\"steps\": [{\"id\":\"a\"}]}", RULES).contains("agent is required"));
  }

  @Test
  void aReplanMayDependOnCompletedStepsButNotReuseTheirIds() throws Exception {
    var rules = new Rules(5, agent -> null, Set.of("done"));

    var parsed = GoalPlan.parse(plan(step("next", "r", "done")), rules);

    assertEquals(List.of("done"), parsed.steps().get(0).dependsOn());
    assertTrue(refusal(plan(step("done", "r")), rules).contains("id of a completed step"));
  }
}
