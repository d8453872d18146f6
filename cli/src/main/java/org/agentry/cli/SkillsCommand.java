package org.agentry.cli;

import org.agentry.client.model.SkillSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry skills list|get|discover}. */
@Command(name = "skills", description = "Lists and shows skills; reads the skills directory again.")
final class SkillsCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Lists skills.")
  int list() {
    root.printer()
        .list(
            root.client().skills().list(),
            new Printer.Column<SkillSummary>("NAME", SkillSummary::name),
            new Printer.Column<SkillSummary>("SOURCE", SkillSummary::source),
            new Printer.Column<SkillSummary>("FILES", SkillSummary::files),
            new Printer.Column<SkillSummary>("DESCRIPTION", SkillSummary::description));
    return AgentryCommand.OK;
  }

  @Command(description = "Shows a skill: its description, instructions and files.")
  int get(@Parameters(paramLabel = "NAME") String name) {
    root.printer().object(root.client().skills().get(name).value());
    return AgentryCommand.OK;
  }

  @Command(description = "Reads the skills directory again (admin) and reports what changed.")
  int discover() {
    root.printer().object(root.client().skills().discover());
    return AgentryCommand.OK;
  }
}
