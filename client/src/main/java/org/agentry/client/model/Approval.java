package org.agentry.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A tool call waiting for (or past) a person's decision.
 *
 * @param taskId the waiting task, or null for a chat's call
 * @param approverRole the lowest role that may decide
 * @param status {@code pending}, {@code approved}, {@code denied}, {@code expired} or {@code
 *     cancelled} (its task was cancelled)
 */
public record Approval(
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
    String comment) {}
