package org.agentry.cli;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agentry.client.model.Agent;
import org.agentry.client.model.AgentRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry agents list|get|create|pause|resume}. */
@Command(
    name = "agents",
    description = "Lists, shows, creates, pauses and resumes agents; chats with one.")
final class AgentsCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Lists every agent.")
  int list() {
    root.printer()
        .list(
            root.client().agents().list(),
            new Printer.Column<Agent>("NAME", Agent::name),
            new Printer.Column<Agent>("PROVIDER", Agent::provider),
            new Printer.Column<Agent>("MODEL", Agent::model),
            new Printer.Column<Agent>("ENABLED", Agent::enabled),
            new Printer.Column<Agent>("PAUSED", Agent::paused),
            new Printer.Column<Agent>("VERSION", Agent::version));
    return AgentryCommand.OK;
  }

  @Command(description = "Shows one agent.")
  int get(@Parameters(paramLabel = "NAME") String name) {
    root.printer().object(root.client().agents().get(name));
    return AgentryCommand.OK;
  }

  @Command(description = "Creates an agent from a JSON file (the body of POST /api/v1/agents).")
  int create(
      @Option(
              names = {"-f", "--file"},
              required = true,
              paramLabel = "FILE",
              description = "e.g. agent.json; - reads standard input")
          Path file) {
    root.printer().object(root.client().agents().create(read(file)));
    return AgentryCommand.OK;
  }

  @Command(description = "Pauses an agent: it takes no new chats or tasks.")
  int pause(@Parameters(paramLabel = "NAME") String name) {
    root.printer().object(root.client().agents().pause(name));
    return AgentryCommand.OK;
  }

  @Command(description = "Resumes a paused agent.")
  int resume(@Parameters(paramLabel = "NAME") String name) {
    root.printer().object(root.client().agents().resume(name));
    return AgentryCommand.OK;
  }

  @Command(description = "Runs one chat turn and prints the reply (its session id on stderr).")
  int chat(
      @Parameters(index = "0", paramLabel = "NAME") String name,
      @Parameters(index = "1", paramLabel = "MESSAGE") String message,
      @Option(names = "--session", paramLabel = "ID", description = "go on in this session")
          String session) {
    var reply = root.client().agents().chat(name, message, session);
    if (root.printer().format() == Printer.Format.json) {
      root.printer().object(reply);
    } else {
      root.err().println("session " + reply.sessionId() + " · " + reply.stopReason());
      root.printer().text(reply.reply() == null ? "" : reply.reply());
    }
    return AgentryCommand.OK;
  }

  /** The agent in the file; a member the API does not know is a usage error, as on the server. */
  private AgentRequest read(Path file) {
    var config = new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true);
    try (var jsonb = JsonbBuilder.create(config)) {
      var text =
          file.toString().equals("-")
              ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              : Files.readString(file);
      return jsonb.fromJson(text, AgentRequest.class);
    } catch (IOException e) {
      throw usage("Cannot read " + file + ": " + e.getMessage());
    } catch (JsonbException e) {
      throw usage(file + " is not an agent's JSON: " + e.getMessage());
    } catch (Exception e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(root.spec.commandLine(), message);
  }
}
