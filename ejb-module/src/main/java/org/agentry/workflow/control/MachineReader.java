package org.agentry.workflow.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.agentry.workflow.control.WorkflowInvalidException.Violation;

/**
 * Reads and checks a state-machine definition: {@code {"kind": "stateMachine", "initial": <name>,
 * "maxTransitions"?: 1–1000 (default 50), "states": {<name>: <state>}}}, each state one of {@code
 * {"agent", "input"?, "on": {completed|failed|<label>: <state>}}}, {@code {"wait": true, "on":
 * {<event type>: <state>}}} or {@code {"final": "completed"|"failed"}}. Checked: known agents,
 * states that exist, a non-empty {@code on} for every state that is not final, at least one final
 * state, templates with only {@code {{input}}}.
 */
public final class MachineReader {

  static final int MAX_TRANSITIONS = 1000;
  static final int DEFAULT_TRANSITIONS = 50;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Set<String> TOP = Set.of("kind", "initial", "states", "maxTransitions");

  private final Predicate<String> knownAgent;
  private final List<Violation> violations = new ArrayList<>();

  private MachineReader(Predicate<String> knownAgent) {
    this.knownAgent = knownAgent;
  }

  /** Whether a definition is a state machine. */
  public static boolean isMachine(JsonValue definition) {
    return definition != null
        && definition.getValueType() == ValueType.OBJECT
        && definition.asJsonObject().containsKey("kind");
  }

  /**
   * @throws WorkflowInvalidException listing every violation, each with its JSON path
   */
  public static StateMachine read(JsonObject definition, Predicate<String> knownAgent) {
    var reader = new MachineReader(knownAgent);
    var machine = reader.machine(definition);
    if (!reader.violations.isEmpty()) {
      throw new WorkflowInvalidException(reader.violations);
    }
    return machine;
  }

  private StateMachine machine(JsonObject definition) {
    for (var key : definition.keySet()) {
      if (!TOP.contains(key)) {
        violation("$." + key, "unknown member of a state machine");
      }
    }
    if (!"stateMachine".equals(text(definition, "kind"))) {
      violation(
          "$.kind", "'kind' is 'stateMachine', or absent for a definition {\"root\": <node>}");
    }
    int max = DEFAULT_TRANSITIONS;
    var limit = definition.get("maxTransitions");
    if (limit != null) {
      if (limit.getValueType() != ValueType.NUMBER
          || !((jakarta.json.JsonNumber) limit).isIntegral()
          || ((jakarta.json.JsonNumber) limit).longValue() < 1
          || ((jakarta.json.JsonNumber) limit).longValue() > MAX_TRANSITIONS) {
        violation(
            "$.maxTransitions",
            "'maxTransitions' must be a whole number from 1 to " + MAX_TRANSITIONS);
      } else {
        max = ((jakarta.json.JsonNumber) limit).intValue();
      }
    }
    var states = new LinkedHashMap<String, StateMachine.State>();
    var value = definition.get("states");
    if (value == null
        || value.getValueType() != ValueType.OBJECT
        || value.asJsonObject().isEmpty()) {
      violation("$.states", "'states' must be a non-empty object of name → state");
      return null;
    }
    for (var entry : value.asJsonObject().entrySet()) {
      var path = "$.states." + entry.getKey();
      if (!NAME.matcher(entry.getKey()).matches()) {
        violation(path, "a state's name is 1 to 64 of letters, digits, _ . -");
      }
      states.put(entry.getKey(), state(entry.getValue(), path));
    }
    var initial = text(definition, "initial");
    if (initial == null || !states.containsKey(initial)) {
      violation("$.initial", "'initial' must name a state");
    }
    if (states.values().stream().noneMatch(StateMachine.FinalState.class::isInstance)) {
      violation("$.states", "a state machine needs a final state ({\"final\": \"completed\"})");
    }
    for (var entry : states.entrySet()) {
      var on = on(entry.getValue());
      for (var target : on.entrySet()) {
        if (!states.containsKey(target.getValue())) {
          violation(
              "$.states." + entry.getKey() + ".on." + target.getKey(),
              "there is no state '" + target.getValue() + "'");
        }
      }
    }
    return new StateMachine(initial, states, max);
  }

  private StateMachine.State state(JsonValue value, String path) {
    if (value == null || value.getValueType() != ValueType.OBJECT) {
      violation(path, "a state is an object: {agent, input?, on}, {wait: true, on} or {final}");
      return null;
    }
    var object = value.asJsonObject();
    if (object.containsKey("final")) {
      only(object, path, Set.of("final"));
      var end = text(object, "final");
      if (!"completed".equals(end) && !"failed".equals(end)) {
        violation(path + ".final", "'final' is 'completed' or 'failed'");
      }
      return new StateMachine.FinalState("completed".equals(end));
    }
    if (object.containsKey("wait")) {
      only(object, path, Set.of("wait", "on"));
      if (object.get("wait") != JsonValue.TRUE) {
        violation(path + ".wait", "'wait' is true");
      }
      return new StateMachine.WaitState(transitions(object, path));
    }
    if (!object.containsKey("agent")) {
      violation(path, "a state has 'agent', 'wait' or 'final'");
      return null;
    }
    only(object, path, Set.of("agent", "input", "on"));
    var agent = text(object, "agent");
    if (agent == null) {
      violation(path + ".agent", "'agent' must be a string");
    } else if (!knownAgent.test(agent)) {
      violation(path, "'agent': there is no agent '" + agent + "'");
    }
    var template = Templates.INPUT;
    if (object.containsKey("input")) {
      template = text(object, "input");
      if (template == null || template.isBlank() || template.length() > 100_000) {
        violation(path + ".input", "an input template is 1 to 100000 characters, not blank");
        template = Templates.INPUT;
      } else if (!Templates.problems(template).isEmpty()
          || !Templates.references(template).isEmpty()) {
        violation(path + ".input", "a state's template may hold only {{input}}");
      }
    }
    return new StateMachine.AgentState(agent, template, transitions(object, path));
  }

  private Map<String, String> transitions(JsonObject object, String path) {
    var on = new LinkedHashMap<String, String>();
    var value = object.get("on");
    if (value == null
        || value.getValueType() != ValueType.OBJECT
        || value.asJsonObject().isEmpty()) {
      violation(path + ".on", "'on' must be a non-empty object of outcome, label or event → state");
      return on;
    }
    for (var entry : value.asJsonObject().entrySet()) {
      if (!NAME.matcher(entry.getKey()).matches()) {
        violation(
            path + ".on", "'" + entry.getKey() + "' is not 1 to 64 of letters, digits, _ . -");
      } else if (entry.getValue().getValueType() != ValueType.STRING) {
        violation(path + ".on." + entry.getKey(), "a transition names a state");
      } else {
        on.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
      }
    }
    return on;
  }

  private void only(JsonObject object, String path, Set<String> members) {
    for (var key : object.keySet()) {
      if (!members.contains(key)) {
        violation(path + "." + key, "unknown member of this state");
      }
    }
  }

  private static Map<String, String> on(StateMachine.State state) {
    if (state instanceof StateMachine.AgentState agent) {
      return agent.on();
    }
    return state instanceof StateMachine.WaitState wait ? wait.on() : Map.of();
  }

  private static String text(JsonObject object, String member) {
    var value = object.get(member);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private void violation(String path, String message) {
    violations.add(new Violation(path, message));
  }
}
