package org.agentry.run.boundary;

import java.util.List;
import org.agentry.run.control.StepRecorder;
import org.agentry.tool.entity.ToolCallOrigin;

/** Records a chat turn's steps in its session; a chat announces nothing and is never stopped. */
final class ChatRecorder implements StepRecorder {

  private final ChatTurns turns;
  private final ToolCallOrigin origin;
  private final String provider;

  ChatRecorder(ChatTurns turns, String tenant, String agent, String sessionId, String provider) {
    this.turns = turns;
    this.origin = new ToolCallOrigin(tenant, agent, sessionId, null);
    this.provider = provider;
  }

  @Override
  public void modelRequest(ModelRequest request) {}

  @Override
  public void modelResponded(ModelStep step) {
    turns.recordModelStep(origin, provider, step);
  }

  @Override
  public void repairRequested(ModelStep step, String request) {
    turns.recordRepair(origin, provider, step, request);
  }

  @Override
  public void toolsRan(List<ToolRun> runs, ModelRequest next) {
    turns.recordToolRuns(origin, runs);
  }

  @Override
  public void finish(Ending ending) {
    turns.finishTurn(origin, provider, ending);
  }

  @Override
  public boolean shouldStop() {
    return false;
  }
}
