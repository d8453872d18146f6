package org.agentry.cli;

import org.agentry.client.model.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry sessions list|get|delete}. */
@Command(name = "sessions", description = "Lists, shows and deletes sessions.")
final class SessionsCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Lists sessions, newest first.")
  int list(
      @Option(names = "--agent") String agent,
      @Option(names = "--offset") Integer offset,
      @Option(names = "--limit", description = "1-200") Integer limit) {
    var page = root.client().sessions().list(agent, offset, limit);
    if (page.offset() + page.items().size() < page.total()) {
      root.err()
          .println(
              page.total()
                  + " sessions; next page: --offset "
                  + (page.offset() + page.items().size()));
    }
    root.printer()
        .list(
            page.items(),
            new Printer.Column<Session>("ID", Session::id),
            new Printer.Column<Session>("AGENT", Session::agent),
            new Printer.Column<Session>("STATUS", Session::status),
            new Printer.Column<Session>("TURNS", Session::turns),
            new Printer.Column<Session>("UPDATED", Session::updatedAt));
    return AgentryCommand.OK;
  }

  @Command(
      description = "Shows a session with its usage and tool calls; --messages its transcript.")
  int get(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--messages", description = "print the transcript instead")
          boolean messages) {
    var sessions = root.client().sessions();
    if (messages) {
      var printer = root.printer();
      var transcript = sessions.messages(id, null, 200);
      if (printer.format() == Printer.Format.json) {
        printer.object(transcript);
      } else {
        transcript.forEach(m -> printer.text(m.role() + ": " + m.content()));
      }
      return AgentryCommand.OK;
    }
    root.printer().object(sessions.get(id, null, null));
    return AgentryCommand.OK;
  }

  @Command(description = "Deletes a session and its messages.")
  int delete(@Parameters(paramLabel = "ID") String id) {
    root.client().sessions().delete(id).close();
    root.err().println("deleted session " + id);
    return AgentryCommand.OK;
  }
}
