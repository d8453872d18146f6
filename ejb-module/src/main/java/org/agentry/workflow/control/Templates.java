package org.agentry.workflow.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input templates of workflow nodes: text with the placeholders {@code {{input}}} (the node's
 * input) and {@code {{nodes.<id>.output}}} (the latest output of the node with that id).
 */
public final class Templates {

  /** The template that passes the input on unchanged: the default. */
  public static final String INPUT = "{{input}}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern NODE_OUTPUT =
      Pattern.compile("nodes\\.([A-Za-z0-9_-]{1,64})\\.output");

  private Templates() {}

  /** What is wrong with the template's placeholders, one message each; empty when nothing. */
  public static List<String> problems(String template) {
    var problems = new ArrayList<String>();
    var matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      var name = matcher.group(1);
      if (!name.equals("input") && !NODE_OUTPUT.matcher(name).matches()) {
        problems.add(
            "unknown placeholder {{" + name + "}}; use {{input}} or {{nodes.<id>.output}}");
      }
    }
    return problems;
  }

  /** The ids of the nodes whose output the template names. */
  public static Set<String> references(String template) {
    var ids = new LinkedHashSet<String>();
    var matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      var node = NODE_OUTPUT.matcher(matcher.group(1));
      if (node.matches()) {
        ids.add(node.group(1));
      }
    }
    return ids;
  }

  /**
   * The template with its placeholders replaced.
   *
   * @param outputOf the latest output of a node by id, or null when it has none yet
   * @return the text, or null when a named node has no output yet
   */
  public static String render(String template, String input, Function<String, String> outputOf) {
    var matcher = PLACEHOLDER.matcher(template);
    var text = new StringBuilder();
    while (matcher.find()) {
      var name = matcher.group(1);
      String value;
      if (name.equals("input")) {
        value = input;
      } else {
        var node = NODE_OUTPUT.matcher(name);
        value = node.matches() ? outputOf.apply(node.group(1)) : matcher.group();
      }
      if (value == null) {
        return null;
      }
      matcher.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(text);
    return text.toString();
  }
}
