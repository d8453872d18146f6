package org.agentry.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agentry.client.model.Task;
import org.agentry.client.model.TaskEvent;
import org.agentry.client.model.TaskQuery;
import org.agentry.client.model.TaskRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code agentry tasks submit|list|get|cancel|respond|events}. */
@Command(name = "tasks", description = "Submits, lists, shows, cancels and answers tasks.")
final class TasksCommand implements Runnable {

  @ParentCommand AgentryCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand");
  }

  @Command(
      description =
          "Hands an agent a task. With --wait, follows its events with a progress line and prints"
              + " its output; exit code 4 if it fails or is cancelled, 5 if it waits for an answer"
              + " or an approval (the question is printed), 6 if --timeout passes first.")
  int submit(
      @Parameters(index = "0", paramLabel = "AGENT") String agent,
      @Parameters(index = "1", paramLabel = "INPUT") String input,
      @Option(names = "--priority", description = "0-9, high, normal or low") String priority,
      @Option(names = "--tag", description = "a tag; repeatable") List<String> tags,
      @Option(names = "--idempotency-key", paramLabel = "KEY") String key,
      @Option(names = "--wait", description = "wait for the end") boolean wait,
      @Option(
              names = "--timeout",
              paramLabel = "DURATION",
              converter = DurationConverter.class,
              description = "with --wait: the longest wait, e.g. 30s, 5m, PT1H (default: none)")
          Duration timeout)
      throws InterruptedException {
    if (timeout != null && !wait) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--timeout needs --wait");
    }
    var request =
        new TaskRequest(
            input,
            TaskRequest.priority(priority),
            tags,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    var accepted = root.client().tasks().submit(agent, request, key);
    if (!wait) {
      root.printer().object(accepted);
      return AgentryCommand.OK;
    }
    var progress = new Progress(root.err(), accepted.taskId());
    var outcome = new Waiter(root.client()).await(accepted.taskId(), progress, timeout);
    progress.finish();
    if (outcome instanceof Waiter.Ended ended) {
      return ended(ended.task());
    }
    if (outcome instanceof Waiter.Parked parked) {
      return parked(parked.task());
    }
    return timedOut(accepted.taskId(), timeout);
  }

  @Command(description = "Lists tasks, newest first: one page, or every page with --all.")
  int list(
      @Option(names = "--agent") String agent,
      @Option(names = "--status") String status,
      @Option(names = "--tag") String tag,
      @Option(names = "--limit", description = "page size 1-200") Integer limit,
      @Option(names = "--cursor", description = "a page's nextCursor") String cursor,
      @Option(names = "--all", description = "every page") boolean all) {
    var query = new TaskQuery(agent, status, null, tag, null, null, limit);
    List<Task> items;
    if (all) {
      items = root.client().tasks().listAll(query).toList();
    } else {
      var page = root.client().tasks().list(query, cursor);
      items = page.items();
      if (page.nextCursor() != null) {
        root.err().println("next page: --cursor " + page.nextCursor());
      }
    }
    root.printer()
        .list(
            items,
            new Printer.Column<Task>("ID", Task::taskId),
            new Printer.Column<Task>("AGENT", Task::agent),
            new Printer.Column<Task>("STATUS", Task::status),
            new Printer.Column<Task>("PRIORITY", Task::priority),
            new Printer.Column<Task>("CREATED", Task::createdAt));
    return AgentryCommand.OK;
  }

  @Command(description = "Shows a task with its output or error and usage.")
  int get(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().tasks().get(id));
    return AgentryCommand.OK;
  }

  @Command(description = "Cancels a task.")
  int cancel(@Parameters(paramLabel = "ID") String id) {
    root.printer().object(root.client().tasks().cancel(id));
    return AgentryCommand.OK;
  }

  @Command(description = "Answers a waiting task's question.")
  int respond(
      @Parameters(index = "0", paramLabel = "ID") String id,
      @Parameters(index = "1", paramLabel = "MESSAGE") String message) {
    root.printer().object(root.client().tasks().respond(id, message));
    return AgentryCommand.OK;
  }

  @Command(
      description =
          "Prints a task's events; with --follow, also the new ones as they come, until it ends.")
  int events(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--follow", description = "follow the event stream") boolean follow,
      @Option(names = "--after", description = "only events after this id", defaultValue = "0")
          long after) {
    var printer = root.printer();
    if (follow) {
      root.client()
          .tasks()
          .follow(
              id,
              after,
              event -> printer.line(event, event.id() + "  " + event.type() + "  " + event.data()));
      return AgentryCommand.OK;
    }
    var events = new ArrayList<TaskEvent>();
    var page = root.client().tasks().events(id, after, 200);
    while (!page.isEmpty()) {
      events.addAll(page);
      page =
          page.size() < 200
              ? List.of()
              : root.client().tasks().events(id, page.get(page.size() - 1).id(), 200);
    }
    printer.list(events, columns());
    return AgentryCommand.OK;
  }

  @SuppressWarnings("unchecked")
  private static Printer.Column<TaskEvent>[] columns() {
    return new Printer.Column[] {
      new Printer.Column<TaskEvent>("ID", TaskEvent::id),
      new Printer.Column<TaskEvent>("TYPE", TaskEvent::type),
      new Printer.Column<TaskEvent>("DATA", TaskEvent::data)
    };
  }

  /** A task parked waiting: exit code 5, the task printed with --output json. */
  private int parked(Task task) {
    if (root.printer().format() == Printer.Format.json) {
      root.printer().object(task);
    }
    root.err().println("task " + task.taskId() + " waiting: " + task.question());
    return AgentryCommand.WAITING;
  }

  private int timedOut(String taskId, Duration timeout) {
    root.err()
        .println(
            "task "
                + taskId
                + " still running after "
                + timeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + "; follow it with: agentry tasks events "
                + taskId
                + " --follow");
    return AgentryCommand.TIMEOUT;
  }

  /** Prints how the task ended: its output, or its error on standard error with exit code 4. */
  private int ended(Task task) {
    var printer = root.printer();
    if (printer.format() == Printer.Format.json) {
      printer.object(task);
    } else if (task.output() != null) {
      printer.text(task.output());
    }
    if ("completed".equals(task.status())) {
      return AgentryCommand.OK;
    }
    var error = task.error();
    root.err()
        .println(
            "task "
                + task.taskId()
                + " "
                + task.status()
                + (error == null ? "" : ": " + error.code() + " " + error.message()));
    return AgentryCommand.TASK_FAILED;
  }
}
