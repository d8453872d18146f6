package org.agentry.workflow.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.agentry.workflow.control.WorkflowInvalidException.Violation;

/**
 * Reads a workflow definition — {@code {"root": <node>}} — into {@link Node}s and checks it: every
 * node's kind and members, agents that exist, lists that are not empty, a branch's {@code default},
 * bounds ({@code maxIterations} 1–{@value #MAX_ITERATIONS}, forum rounds 1–{@value #MAX_ROUNDS}),
 * unique ids, templates naming known nodes, and no cycle (a node needing its own output, through a
 * template, its input or its children). Each violation carries the JSON path of the bad node.
 */
public final class DefinitionReader {

  /** The most iterations a loop may have. */
  public static final int MAX_ITERATIONS = 100;

  /** The most rounds a forum may have. */
  public static final int MAX_ROUNDS = 10;

  /** The most children of a pipeline or parallel node, participants of a forum, cases. */
  public static final int MAX_CHILDREN = 128;

  /** The most nodes a definition may hold. */
  public static final int MAX_NODES = 1000;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Map<String, Set<String>> MEMBERS =
      Map.of(
          "agent", Set.of("kind", "id", "agent", "input"),
          "pipeline", Set.of("kind", "id", "steps"),
          "parallel", Set.of("kind", "id", "branches"),
          "loop", Set.of("kind", "id", "body", "until", "maxIterations"),
          "branch", Set.of("kind", "id", "on", "cases", "default"),
          "forum", Set.of("kind", "id", "participants", "rounds", "moderator", "input"));

  private final Predicate<String> knownAgent;
  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, String> idPaths = new HashMap<>();
  private int nodes;

  private DefinitionReader(Predicate<String> knownAgent) {
    this.knownAgent = knownAgent;
  }

  /**
   * Reads and checks a definition.
   *
   * @param definition {@code {"root": <node>}}
   * @param knownAgent whether an agent of that name exists
   * @return the root node
   * @throws WorkflowInvalidException listing every violation found, first the first in the text
   */
  public static Node read(JsonValue definition, Predicate<String> knownAgent) {
    var reader = new DefinitionReader(knownAgent);
    Node root = null;
    if (definition == null || definition.getValueType() != ValueType.OBJECT) {
      reader.violation("$", "the definition must be a JSON object {\"root\": <node>}");
    } else {
      var object = definition.asJsonObject();
      for (var key : object.keySet()) {
        if (!key.equals("root")) {
          reader.violation("$." + key, "unknown member; the definition holds only 'root'");
        }
      }
      root = reader.node(object.get("root"), "$.root");
    }
    if (reader.violations.isEmpty()) {
      new DefinitionCycles(reader.idPaths).check(root, reader.violations);
    }
    if (!reader.violations.isEmpty()) {
      throw new WorkflowInvalidException(reader.violations);
    }
    return root;
  }

  private Node node(JsonValue value, String path) {
    if (value == null || value.getValueType() != ValueType.OBJECT) {
      violation(path, "a node must be a JSON object with a 'kind'");
      return null;
    }
    if (++nodes > MAX_NODES) {
      violation(path, "a definition may hold at most " + MAX_NODES + " nodes");
      return null;
    }
    var object = value.asJsonObject();
    var kind = string(object, "kind", path);
    if (kind == null) {
      return null;
    }
    var members = MEMBERS.get(kind);
    if (members == null) {
      violation(
          path, "unknown kind '" + kind + "'; one of " + new java.util.TreeSet<>(MEMBERS.keySet()));
      return null;
    }
    for (var key : object.keySet()) {
      if (!members.contains(key)) {
        violation(path + "." + key, "unknown member of a " + kind + " node");
      }
    }
    var id = id(object, path);
    var node =
        switch (kind) {
          case "agent" -> agentStep(object, path, id);
          case "pipeline" -> new Node.Pipeline(path, id, children(object, "steps", path));
          case "parallel" -> new Node.Parallel(path, id, children(object, "branches", path));
          case "loop" -> loop(object, path, id);
          case "branch" -> branch(object, path, id);
          default -> forum(object, path, id);
        };
    return node;
  }

  private String id(JsonObject object, String path) {
    if (!object.containsKey("id")) {
      return null;
    }
    var id = string(object, "id", path);
    if (id == null) {
      return null;
    }
    if (!ID.matcher(id).matches()) {
      violation(path + ".id", "an id is 1 to 64 letters, digits, '_' or '-'");
    } else if (idPaths.putIfAbsent(id, path) != null) {
      violation(path + ".id", "the id '" + id + "' is taken by " + idPaths.get(id));
    }
    return id;
  }

  private Node agentStep(JsonObject object, String path, String id) {
    var agent = agent(object, "agent", path);
    var template = template(object, path);
    return new Node.AgentStep(path, id, agent, template);
  }

  private String template(JsonObject object, String path) {
    if (!object.containsKey("input")) {
      return Templates.INPUT;
    }
    var template = string(object, "input", path);
    if (template != null) {
      if (template.isBlank() || template.length() > 100_000) {
        violation(path + ".input", "an input template is 1 to 100000 characters, not blank");
      }
      for (var problem : Templates.problems(template)) {
        violation(path + ".input", problem);
      }
    }
    return template;
  }

  private List<Node> children(JsonObject object, String member, String path) {
    var array = array(object, member, path);
    var children = new ArrayList<Node>();
    for (int i = 0; array != null && i < array.size(); i++) {
      children.add(node(array.get(i), path + "." + member + "[" + i + "]"));
    }
    return children;
  }

  private Node loop(JsonObject object, String path, String id) {
    var body = node(object.get("body"), path + ".body");
    int max = bounded(object, "maxIterations", path, MAX_ITERATIONS);
    Node.Until until = null;
    var value = object.get("until");
    if (value != null) {
      until = until(value, path + ".until");
    }
    return new Node.Loop(path, id, body, until, max);
  }

  private Node.Until until(JsonValue value, String path) {
    var object = oneOf(value, path, Set.of("jsonPath", "regex", "judge"), "equals");
    if (object == null) {
      return null;
    }
    if (object.containsKey("jsonPath")) {
      var jsonPath = jsonPath(object, path);
      if (!object.containsKey("equals")) {
        violation(path, "'jsonPath' needs 'equals', the JSON value that stops the loop");
      }
      return new Node.FieldEquals(jsonPath, object.get("equals"));
    }
    if (object.containsKey("equals")) {
      violation(path + ".equals", "'equals' goes with 'jsonPath'");
    }
    if (object.containsKey("regex")) {
      return new Node.Matches(regex(object, path));
    }
    return new Node.Judge(agent(object, "judge", path));
  }

  private Node branch(JsonObject object, String path, String id) {
    var on = on(object.get("on"), path + ".on");
    var cases = new LinkedHashMap<String, Node>();
    var value = object.get("cases");
    if (value == null
        || value.getValueType() != ValueType.OBJECT
        || value.asJsonObject().isEmpty()) {
      violation(path + ".cases", "'cases' must be a non-empty object of label → node");
    } else if (value.asJsonObject().size() > MAX_CHILDREN) {
      violation(path + ".cases", "a branch has at most " + MAX_CHILDREN + " cases");
    } else {
      for (var entry : value.asJsonObject().entrySet()) {
        var label = entry.getKey();
        if (!LABEL.matcher(label).matches()) {
          violation(
              path + ".cases",
              "the label '" + label + "' is not 1 to 64 of letters, digits, _ . -");
          continue;
        }
        cases.put(label, node(entry.getValue(), path + ".cases." + label));
      }
    }
    Node otherwise = null;
    if (!object.containsKey("default")) {
      violation(path, "a branch needs a 'default' node");
    } else {
      otherwise = node(object.get("default"), path + ".default");
    }
    return new Node.Branch(path, id, on, cases, otherwise);
  }

  private Node.On on(JsonValue value, String path) {
    var object = oneOf(value, path, Set.of("field", "regex", "classifier"), null);
    if (object == null) {
      return null;
    }
    if (object.containsKey("field")) {
      var field = string(object, "field", path);
      if (field != null && JsonPaths.problem(field) != null) {
        violation(path + ".field", JsonPaths.problem(field));
      }
      return new Node.Field(field);
    }
    if (object.containsKey("regex")) {
      return new Node.Regex(regex(object, path));
    }
    return new Node.Classifier(agent(object, "classifier", path));
  }

  private Node forum(JsonObject object, String path, String id) {
    var array = array(object, "participants", path);
    var participants = new ArrayList<String>();
    for (int i = 0; array != null && i < array.size(); i++) {
      var at = path + ".participants[" + i + "]";
      var value = array.get(i);
      if (value.getValueType() != ValueType.STRING) {
        violation(at, "a participant is an agent's name");
      } else {
        participants.add(known(((jakarta.json.JsonString) value).getString(), at));
      }
    }
    int rounds = bounded(object, "rounds", path, MAX_ROUNDS);
    var moderator = agent(object, "moderator", path);
    return new Node.Forum(path, id, participants, rounds, moderator, template(object, path));
  }

  /** An object holding exactly one of {@code keys} (and perhaps {@code extra}). */
  private JsonObject oneOf(JsonValue value, String path, Set<String> keys, String extra) {
    if (value == null || value.getValueType() != ValueType.OBJECT) {
      violation(path, "must be an object with one of " + new java.util.TreeSet<>(keys));
      return null;
    }
    var object = value.asJsonObject();
    long present = keys.stream().filter(object::containsKey).count();
    if (present != 1) {
      violation(path, "must hold exactly one of " + new java.util.TreeSet<>(keys));
      return null;
    }
    for (var key : object.keySet()) {
      if (!keys.contains(key) && !key.equals(extra)) {
        violation(path + "." + key, "unknown member");
      }
    }
    return object;
  }

  private String jsonPath(JsonObject object, String path) {
    var jsonPath = string(object, "jsonPath", path);
    if (jsonPath != null && JsonPaths.problem(jsonPath) != null) {
      violation(path + ".jsonPath", JsonPaths.problem(jsonPath));
    }
    return jsonPath;
  }

  private Pattern regex(JsonObject object, String path) {
    var regex = string(object, "regex", path);
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      violation(path + ".regex", "not a regular expression: " + e.getDescription());
      return null;
    }
  }

  /** An agent's name in {@code member}; an unknown agent is a violation at the node's path. */
  private String agent(JsonObject object, String member, String path) {
    var name = string(object, member, path);
    if (name != null && !knownAgent.test(name)) {
      violation(path, "'" + member + "': there is no agent '" + name + "'");
    }
    return name;
  }

  private String known(String agent, String path) {
    if (!knownAgent.test(agent)) {
      violation(path, "there is no agent '" + agent + "'");
    }
    return agent;
  }

  private int bounded(JsonObject object, String member, String path, int max) {
    var value = object.get(member);
    if (value == null
        || value.getValueType() != ValueType.NUMBER
        || !((jakarta.json.JsonNumber) value).isIntegral()
        || ((jakarta.json.JsonNumber) value).longValue() < 1
        || ((jakarta.json.JsonNumber) value).longValue() > max) {
      violation(path + "." + member, "'" + member + "' must be a whole number from 1 to " + max);
      return 1;
    }
    return ((jakarta.json.JsonNumber) value).intValue();
  }

  private JsonArray array(JsonObject object, String member, String path) {
    var value = object.get(member);
    if (value == null || value.getValueType() != ValueType.ARRAY || value.asJsonArray().isEmpty()) {
      violation(path + "." + member, "'" + member + "' must be a non-empty array");
      return null;
    }
    if (value.asJsonArray().size() > MAX_CHILDREN) {
      violation(path + "." + member, "'" + member + "' may hold at most " + MAX_CHILDREN);
      return null;
    }
    return value.asJsonArray();
  }

  private String string(JsonObject object, String member, String path) {
    var value = object.get(member);
    if (value == null || value.getValueType() != ValueType.STRING) {
      violation(path + "." + member, "'" + member + "' must be a string");
      return null;
    }
    return ((jakarta.json.JsonString) value).getString();
  }

  private void violation(String path, String message) {
    violations.add(new Violation(path, message));
  }
}
