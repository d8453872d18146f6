package org.agentry.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.control.TaskEvents;
import org.agentry.workflow.entity.WorkflowRun;

/**
 * A workflow run's own events, stored as task events under the run's id (their agent the workflow's
 * name), beside its steps' task events: so that the run's event log and stream hold its end, and
 * its stream can close after it.
 */
@ApplicationScoped
public class RunEvents {

  @Inject TaskEvents events;

  /**
   * The run ended: a {@code status} event, as a task's.
   *
   * @param status {@code completed}, {@code failed} or {@code cancelled}
   * @param error for {@code failed}: why, else null
   */
  public record Status(String runId, String status, String error) {}

  /** Appends the ended run's {@link Status}, written with the caller's transaction's events. */
  void ended(WorkflowRun run) {
    var data = new Status(run.getId(), run.getStatus().apiName(), run.getError());
    events.append(run.getId(), run.getWorkflow(), TaskEvents.STATUS, Jsons.jsonb().toJson(data));
  }
}
