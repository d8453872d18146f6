package org.agentry.cli;

import org.agentry.client.model.Approval;
import org.agentry.client.model.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry approvals list|approve|deny}: tool calls waiting for a person's decision. */
@Command(name = "approvals", description = "Lists, approves and denies held tool calls.")
final class ApprovalsCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(description = "Lists approvals, newest first (default: the pending ones).")
  int list(
      @Option(
              names = "--status",
              description =
                  "pending, approved, denied, expired, cancelled or all (default: ${DEFAULT-VALUE})",
              defaultValue = "pending")
          String status,
      @Option(names = "--limit", description = "1-200") Integer limit) {
    var approvals = root.client().approvals().list("all".equals(status) ? null : status, limit);
    root.printer()
        .list(
            approvals,
            new Printer.Column<Approval>("ID", Approval::id),
            new Printer.Column<Approval>("STATUS", Approval::status),
            new Printer.Column<Approval>("AGENT", Approval::agent),
            new Printer.Column<Approval>("TOOL", Approval::tool),
            new Printer.Column<Approval>("TASK", Approval::taskId),
            new Printer.Column<Approval>("ROLE", Approval::approverRole),
            new Printer.Column<Approval>("ARGUMENTS", Approval::arguments),
            new Printer.Column<Approval>("EXPIRES", Approval::expiresAt));
    return AgentryCommand.OK;
  }

  @Command(description = "Approves a held tool call: the waiting task runs it and goes on.")
  int approve(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--comment", description = "why, at most 2,000 characters") String comment) {
    root.printer().object(root.client().approvals().approve(id, new Decision(comment)));
    return AgentryCommand.OK;
  }

  @Command(description = "Denies a held tool call: the model is told it was refused.")
  int deny(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--comment", description = "why, at most 2,000 characters") String comment) {
    root.printer().object(root.client().approvals().deny(id, new Decision(comment)));
    return AgentryCommand.OK;
  }
}
