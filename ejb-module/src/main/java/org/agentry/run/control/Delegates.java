package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;
import org.agentry.platform.entity.Jsons;

/**
 * The other agents a run may call as tools (the agent's {@code delegates} that exist), and the
 * limits on it: a call starts a child task one level deeper, refused at {@code maxDepth}; one model
 * response starts at most {@code maxFanOut} children.
 *
 * @param tools one tool per delegate, named as the agent, taking {@code {"input": "…"}}
 * @param depth how many delegations led to the run's task (0 for a task submitted otherwise)
 */
public record Delegates(List<ToolSpecification> tools, int depth, int maxDepth, int maxFanOut) {

  /** The longest input a child task takes, as any task's. */
  public static final int MAX_INPUT = 100_000;

  /** No delegates. */
  public static final Delegates NONE = new Delegates(List.of(), 0, 0, 0);

  public Delegates {
    tools = List.copyOf(tools);
  }

  /** Whether the call is one of a delegate. */
  public boolean delegates(ToolExecutionRequest call) {
    return tools.stream().anyMatch(t -> t.name().equals(call.name()));
  }

  /**
   * Why the call cannot start a child task, or null when it can.
   *
   * @param inTask whether the run belongs to a task (a chat turn has nothing to park)
   * @param started how many delegate calls of the same response start children already
   */
  public String refusal(ToolExecutionRequest call, boolean inTask, int started) {
    if (!inTask) {
      return "agents are called as delegates only in background tasks; submit a task to use "
          + call.name();
    }
    if (depth >= maxDepth) {
      return "not run: the delegation depth limit of " + maxDepth + " is reached";
    }
    if (started >= maxFanOut) {
      return "not run: at most " + maxFanOut + " delegate calls of one response start tasks";
    }
    var input = input(call);
    if (input == null) {
      return "call " + call.name() + " with {\"input\": \"<the task>\"}";
    }
    return input.length() > MAX_INPUT
        ? "the input must be at most " + MAX_INPUT + " characters"
        : null;
  }

  /** The call's {@code input} argument, or null when it is missing, blank or not a string. */
  public static String input(ToolExecutionRequest call) {
    var text = call.arguments();
    if (text == null || text.isBlank()) {
      return null;
    }
    try (var reader = Jsons.createReader(text)) {
      var value = reader.readObject().get("input");
      if (value instanceof jakarta.json.JsonString string && !string.getString().isBlank()) {
        return string.getString();
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
