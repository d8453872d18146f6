package org.agentry.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.agentry.platform.entity.Jsons;
import org.junit.jupiter.api.Test;

class MachineReaderTest {

  private static StateMachine read(String json) {
    return MachineReader.read(
        Jsons.createReader(json.replace('\'', '"')).readObject(), Set.of("w", "r")::contains);
  }

  private static void refusedAt(String json, String path, String words) {
    var e = assertThrows(WorkflowInvalidException.class, () -> read(json));
    var first = e.violations().get(0);
    assertEquals(path, first.path(), e.violations().toString());
    assertTrue(first.message().contains(words), first.message());
  }

  private static final String GOOD =
      "{'kind':'stateMachine','initial':'draft','maxTransitions':9,'states':{"
          + "'draft':{'agent':'w','input':'Write {{input}}','on':{'completed':'wait','failed':'bad'}},"
          + "'wait':{'wait':true,'on':{'ok':'done'}},"
          + "'done':{'final':'completed'},'bad':{'final':'failed'}}}";

  @Test
  void readsAMachine() {
    var machine = read(GOOD);
    assertEquals("draft", machine.initial());
    assertEquals(9, machine.maxTransitions());
    assertEquals(
        new StateMachine.AgentState(
            "w", "Write {{input}}", Map.of("completed", "wait", "failed", "bad")),
        machine.states().get("draft"));
    assertEquals(new StateMachine.FinalState(false), machine.states().get("bad"));
  }

  @Test
  void refusesWhatCouldNotRun() {
    refusedAt(
        GOOD.replace("'initial':'draft'", "'initial':'nowhere'"), "$.initial", "name a state");
    refusedAt(GOOD.replace("'ok':'done'", "'ok':'gone'"), "$.states.wait.on.ok", "no state 'gone'");
    refusedAt(GOOD.replace("'agent':'w'", "'agent':'x'"), "$.states.draft", "no agent 'x'");
    refusedAt(GOOD.replace("'on':{'ok':'done'}", "'on':{}"), "$.states.wait.on", "non-empty");
    refusedAt(
        GOOD.replace(
            "'done':{'final':'completed'},'bad':{'final':'failed'}",
            "'done':{'wait':true,'on':{'x':'draft'}},'bad':{'wait':true,'on':{'x':'draft'}}"),
        "$.states",
        "final state");
    refusedAt(
        GOOD.replace("'maxTransitions':9", "'maxTransitions':0"), "$.maxTransitions", "1 to 1000");
    refusedAt(
        GOOD.replace("Write {{input}}", "{{nodes.a.output}}"),
        "$.states.draft.input",
        "only {{input}}");
    refusedAt(GOOD.replace("'kind':'stateMachine'", "'kind':'graph'"), "$.kind", "stateMachine");
  }

  @Test
  void anAgentStatesOutcomeIsFailedALabelItsOutputHoldsOrCompleted() {
    var state =
        new StateMachine.AgentState(
            "r", "{{input}}", new java.util.LinkedHashMap<>(Map.of("completed", "a")));
    state.on().put("approve", "b");
    state.on().put("reject", "c");
    assertEquals("failed", StateMachine.outcome(state, false, "approve"));
    assertEquals("approve", StateMachine.outcome(state, true, "I APPROVE."));
    assertEquals("reject", StateMachine.outcome(state, true, "reject: too long"));
    assertEquals("completed", StateMachine.outcome(state, true, "disapproved"));
  }
}
