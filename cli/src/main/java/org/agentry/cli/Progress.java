package org.agentry.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.agentry.client.model.TaskEvent;

/**
 * The live progress line of a task being waited for, rewritten in place on standard error ({@code
 * \r}) at each event: status, model calls, tokens, USD and the tool running, e.g. {@code 5f0c…
 * running · 2 model calls · 260 tokens · $0.000410 · tool write_file}. A task that waits for an
 * answer gets its question on lines of their own, and how to answer; one that waits for an
 * approval, the approval's id and how to decide it.
 */
final class Progress implements Consumer<TaskEvent> {

  private final PrintWriter err;
  private final String taskId;
  private String status = "queued";
  private long calls;
  private long tokens;
  private BigDecimal cost = BigDecimal.ZERO;
  private String tool;
  private String approvalId;
  private int width;

  Progress(PrintWriter err, String taskId) {
    this.err = err;
    this.taskId = taskId;
  }

  @Override
  public void accept(TaskEvent event) {
    switch (event.type()) {
      case "status" -> {
        status = event.status();
        if ("waiting".equals(status) && event.text("question") != null) {
          waiting(event);
        }
      }
      case "approval.requested" -> approvalId = event.text("approvalId");
      case "model.response" -> {
        calls++;
        tokens += event.number("promptTokens") + event.number("completionTokens");
        if (event.data() != null && event.data().getJsonNumber("costUsd") != null) {
          cost = cost.add(event.data().getJsonNumber("costUsd").bigDecimalValue());
        }
      }
      case "tool.start" -> tool = event.text("name");
      case "tool.end" -> tool = null;
      default -> {}
    }
    draw();
  }

  /** The question on lines of their own, and how to answer it or decide its approval. */
  private void waiting(TaskEvent event) {
    err.println();
    err.println("question: " + event.text("question"));
    if ("approval".equals(event.text("reason")) && approvalId != null) {
      err.println("approval: " + approvalId);
      err.println(
          "decide with: agentry approvals approve "
              + approvalId
              + "  (or: agentry approvals deny "
              + approvalId
              + ")");
    } else {
      err.println("answer with: agentry tasks respond " + taskId + " \"…\"");
    }
    width = 0;
  }

  /** Ends the line, so that what follows starts on a line of its own. */
  void finish() {
    err.println();
    err.flush();
  }

  /** The line as it is now. */
  String line() {
    var line = new StringBuilder(taskId).append(' ').append(status);
    line.append(" · ").append(calls).append(calls == 1 ? " model call" : " model calls");
    line.append(" · ").append(tokens).append(" tokens");
    line.append(" · $").append(cost.toPlainString());
    if (tool != null) {
      line.append(" · tool ").append(tool);
    }
    return line.toString();
  }

  private void draw() {
    var line = line();
    var pad = Math.max(0, width - line.length());
    width = line.length();
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
  }
}
