package org.agentry.approval.control;

import org.agentry.approval.entity.Approval;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.control.TaskEvents;

/**
 * The task events of approvals: {@value #REQUESTED} when a task parks on one, {@value #DECIDED}
 * when it is approved, denied or expires. They go to the task's events and SSE streams like every
 * task event.
 */
public final class ApprovalEvents {

  /** A tool call waits for approval. */
  public static final String REQUESTED = "approval.requested";

  /** An approval was decided. */
  public static final String DECIDED = "approval.decided";

  private ApprovalEvents() {}

  /**
   * Data of {@value #REQUESTED}.
   *
   * @param arguments the call's arguments, a JSON object text
   * @param expiresAt ISO-8601 instant
   */
  public record Requested(
      String approvalId,
      String tool,
      String callId,
      String arguments,
      String approverRole,
      String expiresAt) {}

  /**
   * Data of {@value #DECIDED}.
   *
   * @param status {@code approved}, {@code denied} or {@code expired}
   * @param comment the decider's comment, or null
   */
  public record Decided(
      String approvalId,
      String tool,
      String callId,
      String status,
      String decidedBy,
      String comment) {}

  /** Appends {@value #REQUESTED} for a task's approval (none for a chat's). */
  public static void requested(TaskEvents events, Approval approval) {
    if (approval.getTaskId() == null) {
      return;
    }
    var data =
        new Requested(
            approval.getId(),
            approval.getTool(),
            approval.getToolCallId(),
            approval.getArguments(),
            approval.getApproverRole(),
            approval.getExpiresAt().toString());
    events.append(approval.getTaskId(), approval.getAgent(), REQUESTED, Jsons.jsonb().toJson(data));
  }

  /** Appends {@value #DECIDED} for a task's approval (none for a chat's). */
  public static void decided(TaskEvents events, Approval approval) {
    if (approval.getTaskId() == null) {
      return;
    }
    var data =
        new Decided(
            approval.getId(),
            approval.getTool(),
            approval.getToolCallId(),
            approval.getStatus().apiName(),
            approval.getDecidedBy(),
            approval.getComment());
    events.append(approval.getTaskId(), approval.getAgent(), DECIDED, Jsons.jsonb().toJson(data));
  }
}
