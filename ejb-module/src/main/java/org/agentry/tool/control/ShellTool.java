package org.agentry.tool.control;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code shell}: runs one program with arguments as a child process in the agent's workspace. Off
 * unless the agent lists {@code shell} in its tools <em>and</em> both the agent's {@code
 * toolSettings.shell.allow} and the server's ceiling {@code agentry.tools.shell.allow} (program
 * names, comma-separated, or {@code *} for any; empty, which turns the tool off, by default) name
 * the program: the effective list is their intersection ({@link AgentToolSettings#intersect}). A
 * call without the agent's definition ({@link ToolContext#spec()} null: tests, tools built by hand)
 * is held to the server's list alone. There is no shell interpreter: the line is split by {@link
 * CommandLine}, the first word is the program (found on a fixed PATH; a word with {@code /} needs
 * {@code *}). The child gets only {@code PATH}, {@code HOME} (the workspace) and {@code LANG},
 * stdin from {@code /dev/null}, and {@code agentry.tools.shell.timeout-seconds} (default 30) before
 * it and its descendants are killed. Each of stdout and stderr is cut to {@code
 * agentry.tools.max-output-bytes}. This is not a sandbox: see the README, "The shell tool".
 */
@ApplicationScoped
public class ShellTool implements Tool {

  /** The PATH the child gets; none of the server's environment is passed on. */
  static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  @Inject
  @ConfigProperty(name = "agentry.tools.shell.allow")
  Optional<String> allow = Optional.empty();

  @Inject
  @ConfigProperty(name = "agentry.tools.shell.timeout-seconds", defaultValue = "30")
  int timeoutSeconds = 30;

  @Inject
  @ConfigProperty(name = "agentry.tools.max-output-bytes", defaultValue = "32768")
  int maxOutputBytes = 32768;

  /** The tool with nothing allowed, for CDI. */
  public ShellTool() {}

  /** The tool allowing these programs ({@code *} for any), with this timeout and output cap. */
  public ShellTool(List<String> allow, Duration timeout, int maxOutputBytes) {
    this.allow = Optional.of(String.join(",", allow));
    this.timeoutSeconds = (int) timeout.toSeconds();
    this.maxOutputBytes = maxOutputBytes;
  }

  @Override
  public ToolSpecification specification() {
    return specification(allowed());
  }

  /** Lists the programs this agent may run (see the class comment). */
  @Override
  public ToolSpecification specificationFor(org.agentry.agent.entity.AgentSpec agent) {
    try {
      var own = AgentToolSettings.shellAllow(agent.settingsOf("shell"));
      return specification(own.isEmpty() ? own : AgentToolSettings.intersect(own, allowed()));
    } catch (org.agentry.platform.entity.InvalidInputException e) {
      return specification(List.of());
    }
  }

  private ToolSpecification specification(List<String> allowed) {
    return ToolSpecification.builder()
        .name("shell")
        .description(
            "Runs one program with arguments in your workspace and returns its exit code, stdout"
                + " and stderr. Not a shell: no pipes, redirections, variables or globs. Allowed"
                + " programs: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed))
                + ". At most "
                + timeoutSeconds
                + " s.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty(
                    "command", "The program and its arguments, e.g. ls -la or git log -n 3")
                .required("command")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonObject arguments) throws ToolException {
    var argv = CommandLine.parse(ToolException.requiredString(arguments, "command"));
    checkAllowed(argv.get(0), context);
    var command = new java.util.ArrayList<>(argv);
    command.set(0, locate(argv.get(0), context.workspace()));
    ProcessRun.Result result;
    try {
      result =
          ProcessRun.run(
              command,
              context.workspace(),
              environment(context),
              Duration.ofSeconds(timeoutSeconds),
              maxOutputBytes);
    } catch (IOException e) {
      throw new ToolException("the program '" + argv.get(0) + "' cannot be started");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("interrupted; the process was killed");
    }
    var head =
        result.timedOut()
            ? "timed out after " + timeoutSeconds + " s; the process and its children were killed"
            : "exit code: " + result.exitCode();
    return head + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr();
  }

  private void checkAllowed(String program, ToolContext context) throws ToolException {
    var allowed = allowed();
    if (allowed.isEmpty()) {
      throw new ToolException(
          "the shell tool is off on this server: no programs are allowed"
              + " (agentry.tools.shell.allow)");
    }
    if (context.spec() != null) {
      List<String> agent;
      try {
        agent = AgentToolSettings.shellAllow(context.settingsOf("shell"));
      } catch (org.agentry.platform.entity.InvalidInputException e) {
        throw new ToolException("the agent's toolSettings.shell is invalid: " + e.getMessage());
      }
      if (agent.isEmpty()) {
        throw new ToolException(
            "the shell tool is off for this agent: its toolSettings.shell.allow names no programs");
      }
      allowed = AgentToolSettings.intersect(agent, allowed);
      if (allowed.isEmpty()) {
        throw new ToolException(
            "the program '"
                + program
                + "' is not allowed: no program is allowed by both the agent and the server");
      }
    }
    if (allowed.contains("*")) {
      return;
    }
    if (program.contains("/") || !allowed.contains(program)) {
      throw new ToolException(
          "the program '" + program + "' is not allowed; allowed: " + String.join(", ", allowed));
    }
  }

  /**
   * The program's file: a name with {@code /} taken against the workspace, any other looked up on
   * {@link #PATH} (the JDK would search the server's own PATH).
   */
  private static String locate(String program, Path workspace) throws ToolException {
    if (program.contains("/")) {
      return workspace.resolve(program).toString();
    }
    for (var dir : PATH.split(":")) {
      var file = Path.of(dir, program);
      if (Files.isRegularFile(file) && Files.isExecutable(file)) {
        return file.toString();
      }
    }
    throw new ToolException("no program '" + program + "' on " + PATH);
  }

  private List<String> allowed() {
    return Arrays.stream(allow.orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static Map<String, String> environment(ToolContext context) {
    return Map.of("PATH", PATH, "HOME", context.workspace().toString(), "LANG", "C.UTF-8");
  }
}
