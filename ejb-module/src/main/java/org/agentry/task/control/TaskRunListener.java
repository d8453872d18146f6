package org.agentry.task.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import jakarta.json.Json;
import java.math.BigDecimal;
import org.agentry.agent.control.RunListener;
import org.agentry.task.boundary.TaskRuns;
import org.agentry.tool.control.ToolOutcome;

/** Records a task run's steps as task events, and lets the runner abort its model calls. */
final class TaskRunListener implements RunListener {

  private final TaskRuns runs;
  private final RunningTask running;
  private final String taskId;
  private final String agent;
  private final String sessionId;

  TaskRunListener(
      TaskRuns runs, RunningTask running, String taskId, String agent, String sessionId) {
    this.runs = runs;
    this.running = running;
    this.taskId = taskId;
    this.agent = agent;
    this.sessionId = sessionId;
  }

  @Override
  public void modelRequest(int iteration, int messages) {
    runs.modelRequest(taskId, agent, sessionId, iteration, messages);
  }

  @Override
  public void modelCallStarted() {
    running.enterModelCall();
  }

  @Override
  public void modelCallEnded() {
    running.exitModelCall();
  }

  @Override
  public void modelResponse(
      int iteration,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs,
      String text,
      int toolCalls) {
    var data =
        Json.createObjectBuilder()
            .add("iteration", iteration)
            .add("promptTokens", promptTokens)
            .add("completionTokens", completionTokens)
            .add("costUsd", costUsd.stripTrailingZeros())
            .add("latencyMs", latencyMs)
            .add("toolCalls", toolCalls);
    if (text != null) {
      data.add("text", text);
    }
    runs.event(taskId, agent, TaskEvents.MODEL_RESPONSE, data.build());
  }

  @Override
  public void toolStart(ToolExecutionRequest call) {
    var data =
        Json.createObjectBuilder()
            .add("callId", call.id() == null ? "" : call.id())
            .add("name", call.name())
            .add("arguments", call.arguments() == null ? "" : call.arguments());
    runs.event(taskId, agent, TaskEvents.TOOL_START, data.build());
  }

  @Override
  public void toolEnd(ToolExecutionRequest call, ToolOutcome outcome) {
    var data =
        Json.createObjectBuilder()
            .add("callId", call.id() == null ? "" : call.id())
            .add("name", call.name())
            .add("durationMs", outcome.durationMs());
    if (outcome.error() != null) {
      data.add("error", outcome.error());
    }
    runs.event(taskId, agent, TaskEvents.TOOL_END, data.build());
  }
}
