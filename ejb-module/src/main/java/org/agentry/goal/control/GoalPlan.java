package org.agentry.goal.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.agentry.platform.entity.Jsons;

/**
 * A planner's plan, parsed and checked: {@code {"steps": [{"id", "agent", "input", "dependsOn":
 * [ids]}]}} (see {@link #SCHEMA}). A step id is {@code [A-Za-z0-9_-]{1,64}}, not {@code plan} nor
 * {@code synthesis}, unique in the plan and unlike the ids of steps that completed before a
 * re-plan; {@code dependsOn} names steps of the plan or completed ones; the steps form no cycle.
 *
 * @param steps in the planner's order
 */
public record GoalPlan(List<Step> steps) {

  /** The JSON schema of a plan, as the planner is asked to follow it. */
  public static final String SCHEMA =
      "{\"type\":\"object\",\"required\":[\"steps\"],\"properties\":{\"steps\":{\"type\":\"array\","
          + "\"minItems\":1,\"items\":{\"type\":\"object\",\"required\":[\"id\",\"agent\",\"input\"],"
          + "\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9_-]{1,64}$\"},"
          + "\"agent\":{\"type\":\"string\"},\"input\":{\"type\":\"string\",\"minLength\":1},"
          + "\"dependsOn\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}}}";

  private static final String ID = "[A-Za-z0-9_-]{1,64}";
  private static final Set<String> RESERVED = Set.of("plan", "synthesis");

  /**
   * One step: {@code input} goes to {@code agent} once every step in {@code dependsOn} completed.
   */
  public record Step(String id, String agent, String input, List<String> dependsOn) {}

  /**
   * What a plan is checked against.
   *
   * @param maxSteps the most steps one plan may have
   * @param agentProblem for an agent name, why a step may not use it (e.g. {@code does not exist}),
   *     or null when it may
   * @param completed ids of steps that completed before a re-plan: known to {@code dependsOn},
   *     taken as step ids
   */
  public record Rules(int maxSteps, Function<String, String> agentProblem, Set<String> completed) {}

  /** The plan broke a rule; {@link #getMessage()} lists each, separated by {@code ; }. */
  public static final class InvalidPlanException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPlanException(List<String> errors) {
      super(String.join("; ", errors), null, false, false);
    }
  }

  /**
   * Parses the planner's answer: a JSON object, alone or with text or a Markdown code fence around
   * it (the first {@code {} to the last {@code }}).
   *
   * @throws InvalidPlanException naming every rule the plan breaks, or the JSON error
   */
  public static GoalPlan parse(String answer, Rules rules) throws InvalidPlanException {
    var steps = read(answer);
    var errors = new ArrayList<String>();
    if (steps.isEmpty()) {
      errors.add("'steps' must hold at least one step");
    }
    if (steps.size() > rules.maxSteps()) {
      errors.add(
          "at most " + rules.maxSteps() + " steps are allowed, the plan has " + steps.size());
    }
    var ids = new HashSet<String>();
    for (var step : steps) {
      checkStep(step, rules, ids, errors);
    }
    for (var step : steps) {
      for (var dependency : step.dependsOn()) {
        if (!ids.contains(dependency) && !rules.completed().contains(dependency)) {
          errors.add("step '" + step.id() + "' depends on unknown step '" + dependency + "'");
        }
      }
    }
    if (errors.isEmpty()) {
      var cycle = cycle(steps);
      if (cycle != null) {
        errors.add("the steps form a cycle through '" + cycle + "'");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidPlanException(errors);
    }
    return new GoalPlan(steps);
  }

  private static void checkStep(Step step, Rules rules, Set<String> ids, List<String> errors) {
    if (!step.id().matches(ID) || RESERVED.contains(step.id())) {
      errors.add("step id '" + step.id() + "' must match " + ID + " and not be plan or synthesis");
    } else if (!ids.add(step.id())) {
      errors.add("step id '" + step.id() + "' is used twice");
    } else if (rules.completed().contains(step.id())) {
      errors.add("step id '" + step.id() + "' is the id of a completed step");
    }
    var problem = rules.agentProblem().apply(step.agent());
    if (problem != null) {
      errors.add("step '" + step.id() + "': agent '" + step.agent() + "' " + problem);
    }
    if (step.input().isBlank()) {
      errors.add("step '" + step.id() + "' has no input");
    }
    if (step.dependsOn().contains(step.id())) {
      errors.add("step '" + step.id() + "' depends on itself");
    }
  }

  private static List<Step> read(String answer) throws InvalidPlanException {
    int from = answer == null ? -1 : answer.indexOf('{');
    int to = answer == null ? -1 : answer.lastIndexOf('}');
    if (from < 0 || to < from) {
      throw new InvalidPlanException(List.of("the answer holds no JSON object"));
    }
    try (var reader = Jsons.createReader(answer.substring(from, to + 1))) {
      var plan = reader.readObject();
      var steps = plan.get("steps");
      if (steps == null || steps.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new InvalidPlanException(List.of("'steps' must be an array"));
      }
      var parsed = new ArrayList<Step>();
      int index = 0;
      for (var value : steps.asJsonArray()) {
        parsed.add(step(value, index++));
      }
      return parsed;
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidPlanException(List.of("the answer is not valid JSON: " + e.getMessage()));
    }
  }

  private static Step step(JsonValue value, int index) throws InvalidPlanException {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidPlanException(List.of("steps[" + index + "] must be an object"));
    }
    var object = value.asJsonObject();
    var dependsOn = new ArrayList<String>();
    var deps = object.get("dependsOn");
    if (deps != null && deps.getValueType() != JsonValue.ValueType.NULL) {
      if (deps.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new InvalidPlanException(List.of("steps[" + index + "].dependsOn must be an array"));
      }
      for (var dep : deps.asJsonArray()) {
        if (!(dep instanceof JsonString name)) {
          throw new InvalidPlanException(
              List.of("steps[" + index + "].dependsOn must hold step ids"));
        }
        dependsOn.add(name.getString());
      }
    }
    return new Step(
        text(object, "id", index),
        text(object, "agent", index),
        text(object, "input", index),
        List.copyOf(dependsOn));
  }

  private static String text(JsonObject object, String name, int index)
      throws InvalidPlanException {
    if (!(object.get(name) instanceof JsonString value)) {
      throw new InvalidPlanException(
          List.of("steps[" + index + "]." + name + " is required, a string"));
    }
    return value.getString();
  }

  /** A step on a cycle, or null when the steps form none (Kahn's algorithm). */
  private static String cycle(List<Step> steps) {
    var remaining = new LinkedHashMap<String, Set<String>>();
    for (var step : steps) {
      var inPlan = new HashSet<>(step.dependsOn());
      inPlan.retainAll(steps.stream().map(Step::id).toList());
      remaining.put(step.id(), inPlan);
    }
    boolean progress = true;
    while (!remaining.isEmpty() && progress) {
      progress = false;
      var free = remaining.entrySet().stream().filter(e -> e.getValue().isEmpty()).toList();
      for (Map.Entry<String, Set<String>> entry : free) {
        remaining.remove(entry.getKey());
        remaining.values().forEach(deps -> deps.remove(entry.getKey()));
        progress = true;
      }
    }
    return remaining.isEmpty() ? null : remaining.keySet().iterator().next();
  }
}
