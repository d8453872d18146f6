package org.agentry.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code agentry usage [--from] [--to] [--csv]}: totals by agent and model, or the CSV export (one
 * line per model call). {@code --from}/{@code --to} take an instant ({@code 2026-01-31T09:00:00Z})
 * or a UTC day ({@code 2026-01-31}); {@code from} is inclusive, {@code to} exclusive.
 */
@Command(name = "usage", description = "Shows usage (tokens, USD) by agent and model, or as CSV.")
final class UsageCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand AgentryCommand root;

  @Option(names = "--from", description = "instant or UTC day, inclusive")
  String from;

  @Option(names = "--to", description = "instant or UTC day, exclusive")
  String to;

  @Option(names = "--csv", description = "one CSV line per model call")
  boolean csv;

  @Override
  public Integer call() {
    var start = instant(root.spec.commandLine(), from, "--from");
    var end = instant(root.spec.commandLine(), to, "--to");
    if (csv) {
      root.printer().text(root.client().usage().csv(start, end));
      return AgentryCommand.OK;
    }
    var report = root.client().usage().report(start, end);
    var printer = root.printer();
    if (printer.format() == Printer.Format.json) {
      printer.object(report);
      return AgentryCommand.OK;
    }
    var rows = new ArrayList<Row>();
    rows.add(new Row("total", "", report.totals()));
    report.byAgent().forEach(g -> rows.add(new Row("agent", g.key(), g.totals())));
    report.byModel().forEach(g -> rows.add(new Row("model", g.key(), g.totals())));
    printer.list(
        rows,
        new Printer.Column<Row>("GROUP", Row::group),
        new Printer.Column<Row>("KEY", Row::key),
        new Printer.Column<Row>("REQUESTS", r -> r.totals().requests()),
        new Printer.Column<Row>("PROMPT", r -> r.totals().promptTokens()),
        new Printer.Column<Row>("COMPLETION", r -> r.totals().completionTokens()),
        new Printer.Column<Row>(
            "USD", r -> r.totals().costUsd() == null ? "" : r.totals().costUsd().toPlainString()));
    return AgentryCommand.OK;
  }

  private record Row(String group, String key, org.agentry.client.model.UsageTotals totals) {}

  /**
   * An instant ({@code 2026-01-31T09:00:00Z}) or a UTC day ({@code 2026-01-31}), null for null.
   *
   * @throws CommandLine.ParameterException for anything else
   */
  static Instant instant(CommandLine line, String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          line, option + " must be like 2026-01-31 or 2026-01-31T09:00:00Z");
    }
  }
}
