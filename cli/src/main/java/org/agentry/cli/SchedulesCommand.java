package org.agentry.cli;

import org.agentry.client.model.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry schedules list|get|pause|resume|run-now}. */
@Command(name = "schedules", description = "Lists, shows, pauses, resumes and runs schedules.")
final class SchedulesCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Lists schedules.")
  int list(
      @Option(names = "--agent") String agent,
      @Option(names = "--offset") Integer offset,
      @Option(names = "--limit", description = "1-200") Integer limit) {
    root.printer()
        .list(
            root.client().schedules().list(agent, offset, limit),
            new Printer.Column<Schedule>("ID", Schedule::id),
            new Printer.Column<Schedule>("NAME", Schedule::name),
            new Printer.Column<Schedule>("AGENT", Schedule::agent),
            new Printer.Column<Schedule>("EVERY", SchedulesCommand::when),
            new Printer.Column<Schedule>("PAUSED", Schedule::paused),
            new Printer.Column<Schedule>("NEXT RUN", Schedule::nextRunAt));
    return AgentryCommand.OK;
  }

  @Command(description = "Shows one schedule.")
  int get(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().schedules().get(id));
    return AgentryCommand.OK;
  }

  @Command(description = "Stops a schedule firing.")
  int pause(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().schedules().pause(id));
    return AgentryCommand.OK;
  }

  @Command(description = "Lets a paused schedule fire again.")
  int resume(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().schedules().resume(id));
    return AgentryCommand.OK;
  }

  @Command(name = "run-now", description = "Starts the schedule's task at once.")
  int runNow(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().schedules().runNow(id));
    return AgentryCommand.OK;
  }

  private static String when(Schedule schedule) {
    return schedule.cron() != null
        ? schedule.cron() + (schedule.timeZone() == null ? "" : " " + schedule.timeZone())
        : schedule.intervalSeconds() + " s";
  }
}
