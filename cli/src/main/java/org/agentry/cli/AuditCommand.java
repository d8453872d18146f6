package org.agentry.cli;

import java.util.ArrayList;
import org.agentry.client.model.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code agentry audit [--from] [--to] [--actor] [--action] [--resource] [--limit] [--csv]}: the
 * audit log (admin), newest first. Without {@code --limit} every matching row is read, page by
 * page; {@code --csv} prints the server's CSV export instead.
 */
@Command(name = "audit", description = "Shows the audit log (admin), newest first, or as CSV.")
final class AuditCommand implements java.util.concurrent.Callable<Integer> {

  private static final int PAGE = 200;

  @ParentCommand AgentryCommand root;

  @Option(names = "--from", description = "instant or UTC day, inclusive")
  String from;

  @Option(names = "--to", description = "instant or UTC day, exclusive")
  String to;

  @Option(names = "--actor", description = "who, e.g. admin-token or api-key:<id>")
  String actor;

  @Option(names = "--action", description = "e.g. agent.create")
  String action;

  @Option(names = "--resource", description = "a resource type or id")
  String resource;

  @Option(names = "--limit", description = "at most this many rows (default: all)")
  Integer limit;

  @Option(names = "--csv", description = "the CSV export (RFC 4180), every matching row")
  boolean csv;

  @Override
  public Integer call() {
    var line = root.spec.commandLine();
    var start = UsageCommand.instant(line, from, "--from");
    var end = UsageCommand.instant(line, to, "--to");
    var audit = root.client().audit();
    if (csv) {
      root.printer().text(audit.export(null, start, end, actor, action, resource));
      return AgentryCommand.OK;
    }
    var rows = new ArrayList<AuditEvent>();
    String cursor = null;
    do {
      int size = limit == null ? PAGE : Math.min(PAGE, limit - rows.size());
      var page = audit.list(start, end, actor, action, resource, cursor, size);
      rows.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null && (limit == null || rows.size() < limit));
    root.printer()
        .list(
            rows,
            new Printer.Column<AuditEvent>("AT", AuditEvent::at),
            new Printer.Column<AuditEvent>("ACTOR", AuditEvent::actor),
            new Printer.Column<AuditEvent>("ACTION", AuditEvent::action),
            new Printer.Column<AuditEvent>("RESOURCE", e -> resource(e)),
            new Printer.Column<AuditEvent>("OUTCOME", AuditEvent::outcome),
            new Printer.Column<AuditEvent>("DETAIL", AuditEvent::detail));
    return AgentryCommand.OK;
  }

  private static String resource(AuditEvent event) {
    if (event.resourceType() == null) {
      return "";
    }
    return event.resourceType() + (event.resourceId() == null ? "" : ":" + event.resourceId());
  }
}
