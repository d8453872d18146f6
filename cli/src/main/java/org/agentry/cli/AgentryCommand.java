package org.agentry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agentry.client.AgentryClient;
import org.agentry.client.AgentryConnectionException;
import org.agentry.client.AgentryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code agentry}: the command line over the Java client. Exit codes: {@value #OK} done, {@value
 * #API_ERROR} the server answered with an error (its problem's {@code code} is printed), {@value
 * #USAGE} a usage error (unknown command or option, unreadable file), {@value #CONNECTION} the
 * server could not be reached, {@value #TASK_FAILED} a task waited for ended failed or cancelled,
 * {@value #WAITING} a task waited for is parked waiting for an answer or an approval, {@value
 * #TIMEOUT} the wait's {@code --timeout} passed before the task ended.
 */
@Command(
    name = "agentry",
    mixinStandardHelpOptions = true,
    versionProvider = AgentryCommand.Version.class,
    description =
        "Calls an Agentry server: agents, tasks, schedules, usage, approvals, audit, sessions,"
            + " skills.",
    subcommands = {
      AgentsCommand.class,
      TasksCommand.class,
      SchedulesCommand.class,
      UsageCommand.class,
      ApprovalsCommand.class,
      AuditCommand.class,
      SessionsCommand.class,
      SkillsCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the server answered with an error (its code is printed)",
      "2:usage error",
      "3:the server could not be reached",
      "4:the task waited for failed or was cancelled",
      "5:the task waited for waits for an answer or an approval (the question is printed)",
      "6:--timeout passed before the task waited for ended"
    })
public final class AgentryCommand implements Runnable {

  static final int OK = 0;
  static final int API_ERROR = 1;
  static final int USAGE = 2;
  static final int CONNECTION = 3;
  static final int TASK_FAILED = 4;
  static final int WAITING = 5;
  static final int TIMEOUT = 6;

  /** Held so that the level set on it stays: JUL keeps loggers only weakly. */
  private static final Logger JERSEY = Logger.getLogger("org.glassfish");

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      description = "Server URL (env AGENTRY_URL; default http://localhost:8080).")
  String url;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      description = "Bearer token: the admin token or an API key (env AGENTRY_TOKEN).")
  String token;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      description = "Properties file with url and token (default ~/.agentry/config.properties).")
  Path config;

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      description = "json or table (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Printer.Format output;

  @Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final Path home;
  private AgentryClient client;

  AgentryCommand(Map<String, String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Shows who the token belongs to and its roles.")
  int me() {
    printer().object(client().me());
    return OK;
  }

  @Command(
      description = "Shows whether nodes claim tasks, the queue per priority, running per node.")
  int dispatch() {
    printer().object(client().dispatch().state());
    return OK;
  }

  /** Runs the CLI with the process's environment and exits with its code. */
  public static void main(String[] args) {
    var code =
        run(
            args,
            System.getenv(),
            Path.of(System.getProperty("user.home")),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    System.exit(code);
  }

  /** Runs one command line; returns its exit code. */
  static int run(
      String[] args, Map<String, String> env, Path home, PrintWriter out, PrintWriter err) {
    JERSEY.setLevel(Level.SEVERE);
    var root = new AgentryCommand(env, home);
    var line = new CommandLine(root);
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          return failure(e, cmd.getErr());
        });
    try {
      return line.execute(args);
    } finally {
      if (root.client != null) {
        root.client.close();
      }
    }
  }

  /** The client, built on first use from the flags, the environment and the config file. */
  AgentryClient client() {
    if (client == null) {
      var file = config != null ? config : home.resolve(".agentry").resolve("config.properties");
      try {
        var settings = Settings.resolve(url, token, env, file);
        client = AgentryClient.builder().baseUrl(settings.url()).token(settings.token()).build();
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Cannot read the config file " + file + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Not a URL: " + e.getMessage());
      }
    }
    return client;
  }

  /** The printer for {@code --output}, writing to the command's standard output. */
  Printer printer() {
    return new Printer(spec.commandLine().getOut(), output);
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static int failure(Exception e, PrintWriter err) {
    if (e instanceof AgentryException api) {
      err.println("error: " + api.code() + " (" + api.status() + ")" + detail(api.detail()));
      return API_ERROR;
    }
    if (e instanceof AgentryConnectionException) {
      err.println("error: " + e.getMessage());
      return CONNECTION;
    }
    if (e instanceof CommandLine.ParameterException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
    err.println("error: " + e);
    return API_ERROR;
  }

  private static String detail(String detail) {
    return detail == null || detail.isBlank() ? "" : ": " + detail;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var version = AgentryCommand.class.getPackage().getImplementationVersion();
      return new String[] {"agentry " + (version == null ? "(development)" : version)};
    }
  }
}
