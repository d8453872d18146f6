package org.agentry.approval.rest;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.agentry.approval.entity.Approval;
import org.agentry.platform.entity.Jsons;

/**
 * An approval as the API shows it.
 *
 * @param taskId the task that waits for it, absent for a chat turn's
 * @param arguments the tool call's arguments (as the model sent them, when they are a JSON object)
 * @param approverRole {@code operator} or {@code admin}
 * @param status {@code pending}, {@code approved}, {@code denied} or {@code expired}
 * @param decidedBy who decided ({@code system} for an expiry), absent while pending
 */
public record ApprovalResponse(
    String id,
    String taskId,
    String sessionId,
    String agent,
    String tool,
    String toolCallId,
    JsonObject arguments,
    String approverRole,
    String status,
    Instant requestedAt,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    String comment) {

  static ApprovalResponse of(Approval a) {
    return new ApprovalResponse(
        a.getId(),
        a.getTaskId(),
        a.getSessionId(),
        a.getAgent(),
        a.getTool(),
        a.getToolCallId(),
        object(a.getArguments()),
        a.getApproverRole(),
        a.getStatus().apiName(),
        a.getRequestedAt(),
        a.getExpiresAt(),
        a.getDecidedBy(),
        a.getDecidedAt(),
        a.getComment());
  }

  private static JsonObject object(String text) {
    try (var reader = Jsons.createReader(text)) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return Jsons.createObjectBuilder().add("unparsed", text).build();
    }
  }
}
