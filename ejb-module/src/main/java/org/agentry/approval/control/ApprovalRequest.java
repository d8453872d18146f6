package org.agentry.approval.control;

/**
 * A tool call the agent loop holds for approval, as the run reports it.
 *
 * @param approvalId the approval's id (a UUID), chosen by the run so that a chat can answer it
 * @param tool the tool's name
 * @param callId the tool call's id
 * @param arguments the call's arguments as the model sent them, a JSON object text
 * @param approverRole the role that may decide: {@code operator} or {@code admin}
 */
public record ApprovalRequest(
    String approvalId, String tool, String callId, String arguments, String approverRole) {

  /** The question a task waiting for this approval shows: {@code approval required: <tool>}. */
  public String question() {
    return "approval required: " + tool;
  }
}
