package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.platform.control.Watchdog;
import org.agentry.platform.entity.Jsons;
import org.agentry.telemetry.control.Tracing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds tools by name and runs the model's tool calls within {@link ToolLimits}: each call on a
 * pool thread with a hard deadline, its output cut to the output limit. Unknown tools, tools the
 * agent may not use, malformed arguments, timeouts and failures all come back as an error the model
 * can read and act on; the agent loop never sees an exception from here.
 */
@ApplicationScoped
public class ToolInvoker {

  private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

  @Inject Instance<Tool> discovered;
  @Inject Instance<ToolSource> sources;
  @Inject Watchdog watchdog;
  @Inject Tracing tracing;

  @Inject
  @ConfigProperty(name = "agentry.tools.max-output-bytes", defaultValue = "32768")
  int maxOutputBytes;

  @Inject
  @ConfigProperty(name = "agentry.tools.max-calls-per-response", defaultValue = "16")
  int maxCallsPerResponse;

  @Inject
  @ConfigProperty(name = "agentry.tools.call-timeout-seconds", defaultValue = "60")
  int callTimeoutSeconds;

  /** The skill loader's name, offered to every agent that lists skills. */
  public static final String LOAD_SKILL = "load_skill";

  private Map<String, Tool> tools;
  private ToolLimits limits;

  /** An invoker of exactly these tools with the default limits, outside CDI. */
  public static ToolInvoker of(Collection<? extends Tool> tools) {
    return of(tools, ToolLimits.DEFAULT, Watchdog.standalone());
  }

  /** An invoker of exactly these tools, outside CDI (tests, tools built by hand). */
  public static ToolInvoker of(
      Collection<? extends Tool> tools, ToolLimits limits, Watchdog watchdog) {
    var invoker = new ToolInvoker();
    var map = new TreeMap<String, Tool>();
    tools.forEach(tool -> map.put(tool.name(), tool));
    invoker.tools = map;
    invoker.limits = limits;
    invoker.watchdog = watchdog;
    invoker.tracing = Tracing.noop();
    return invoker;
  }

  /**
   * @throws IllegalArgumentException if a configured limit is not positive
   */
  @PostConstruct
  void readLimits() {
    limits =
        new ToolLimits(maxOutputBytes, maxCallsPerResponse, Duration.ofSeconds(callTimeoutSeconds));
  }

  /** The limits tool calls are held to. */
  public ToolLimits limits() {
    return limits;
  }

  /** The names of every tool there is, sorted. */
  public Collection<String> names() {
    return byName().keySet();
  }

  /** The specifications of the named tools that exist, in the given order. */
  public List<ToolSpecification> specifications(List<String> names) {
    return names.stream()
        .filter(byName()::containsKey)
        .map(n -> byName().get(n).specification())
        .toList();
  }

  /**
   * The specifications the agent's model gets: those of {@link #offeredTo} the agent, each as
   * {@link Tool#specificationFor} the agent.
   */
  public List<ToolSpecification> specifications(org.agentry.agent.entity.AgentSpec agent) {
    var specifications =
        new java.util.ArrayList<>(
            offeredTo(agent).stream()
                .filter(byName()::containsKey)
                .map(n -> byName().get(n).specificationFor(agent))
                .toList());
    for (var source : sources()) {
      var entries = agent.tools().stream().filter(source::owns).toList();
      if (!entries.isEmpty()) {
        source.tools(entries).forEach(tool -> specifications.add(tool.specification()));
      }
    }
    return List.copyOf(specifications);
  }

  /**
   * Whether the agent may call the tool of this name: one of {@link #offeredTo} it, or one a {@link
   * ToolSource} gives for its entries ({@code mcp_<server>_<tool>} for {@code mcp:<server>/*}).
   */
  public boolean offers(org.agentry.agent.entity.AgentSpec agent, String name) {
    var allowed = offeredTo(agent);
    return allowed.contains(name) || resolve(name, allowed) != null;
  }

  /**
   * Checks an agent's {@code tools}: each names a tool there is, or is an entry of a {@link
   * ToolSource} that the source accepts.
   *
   * @throws org.agentry.platform.entity.InvalidInputException naming what is unknown
   */
  public void check(List<String> names) {
    var rest = new java.util.ArrayList<>(names);
    for (var source : sources()) {
      var owned = names.stream().filter(source::owns).toList();
      if (!owned.isEmpty()) {
        source.check(owned);
        rest.removeAll(owned);
      }
    }
    var unknown = rest.stream().filter(t -> !names().contains(t)).toList();
    org.agentry.platform.entity.InvalidInputException.check(
        unknown.isEmpty(), "'tools' names unknown tools " + unknown + "; available: " + names());
  }

  /**
   * The tools the agent may call: its {@code tools}, plus {@code load_skill} when it lists skills.
   */
  public static List<String> offeredTo(org.agentry.agent.entity.AgentSpec agent) {
    var names = agent.tools();
    if (agent.skills().isEmpty() || names.contains(LOAD_SKILL)) {
      return names;
    }
    var offered = new java.util.ArrayList<>(names);
    offered.add(LOAD_SKILL);
    return List.copyOf(offered);
  }

  /**
   * Runs one tool call, waiting at most the call timeout or {@code remaining}, whichever is
   * shorter; a call still working then is interrupted and answered {@code timed out after <n> ms}.
   *
   * @param allowed the tools the agent may use
   * @param remaining the time the run has left
   */
  public ToolOutcome invoke(
      ToolContext context, ToolExecutionRequest call, List<String> allowed, Duration remaining) {
    var span = tracing.toolCall(call);
    try (var scope = span.makeCurrent()) {
      var outcome = run(context, call, allowed, remaining);
      Tracing.end(span, outcome.error() == null ? null : "tool_error", outcome.error());
      return outcome;
    }
  }

  private ToolOutcome run(
      ToolContext context, ToolExecutionRequest call, List<String> allowed, Duration remaining) {
    long start = System.nanoTime();
    var tool = resolve(call.name(), allowed);
    if (tool == null) {
      return ToolOutcome.failed(
          "unknown tool '" + call.name() + "'; available: " + String.join(", ", allowed), start);
    }
    JsonObject arguments;
    try (var reader = Jsons.createReader(new StringReader(argumentsText(call)))) {
      arguments = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return ToolOutcome.failed("arguments must be a JSON object", start);
    }
    var timeout = remaining.compareTo(limits.callTimeout()) < 0 ? remaining : limits.callTimeout();
    try {
      var result = watchdog.call(() -> tool.execute(context, arguments), timeout);
      return ToolOutcome.succeeded(ToolOutput.cut(result, limits.maxOutputBytes()), start);
    } catch (TimeoutException e) {
      return ToolOutcome.executionFailed("timed out after " + timeout.toMillis() + " ms", start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolOutcome.failed("interrupted", start);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ToolException refused) {
        return ToolOutcome.executionFailed(refused.getMessage(), start);
      }
      LOG.log(Level.WARNING, "Tool " + call.name() + " failed", e.getCause());
      return ToolOutcome.executionFailed("the tool failed unexpectedly", start);
    }
  }

  /**
   * The call's arguments checked against the JSON schema of the tool's specification for the agent
   * ({@link ArgumentCheck}); empty when they are valid, and also for an unknown tool or arguments
   * that are not a JSON object, which {@link #invoke} refuses with its own error.
   */
  public List<String> argumentErrors(
      ToolExecutionRequest call, org.agentry.agent.entity.AgentSpec agent) {
    var tool = resolve(call.name(), offeredTo(agent));
    if (tool == null) {
      return List.of();
    }
    try (var reader = Jsons.createReader(new StringReader(argumentsText(call)))) {
      return ArgumentCheck.errors(tool.specificationFor(agent).parameters(), reader.readObject());
    } catch (JsonException | IllegalStateException e) {
      return List.of();
    }
  }

  /** The tool a call names among the allowed ones: a built-in one, or one of a source's. */
  private Tool resolve(String name, List<String> allowed) {
    if (allowed.contains(name)) {
      return byName().get(name);
    }
    for (var source : sources()) {
      var entries = allowed.stream().filter(source::owns).toList();
      var tool = entries.isEmpty() ? null : source.find(name, entries);
      if (tool != null) {
        return tool;
      }
    }
    return null;
  }

  private Iterable<ToolSource> sources() {
    return sources == null ? List.of() : sources;
  }

  private static String argumentsText(ToolExecutionRequest call) {
    var text = call.arguments();
    return text == null || text.isBlank() ? "{}" : text;
  }

  private synchronized Map<String, Tool> byName() {
    if (tools == null) {
      var map = new TreeMap<String, Tool>();
      discovered.forEach(tool -> map.put(tool.name(), tool));
      tools = map;
    }
    return tools;
  }
}
