package org.agentry.client.model;

import jakarta.json.JsonArray;
import java.util.List;

/**
 * What a task's model saw ({@code GET /api/v1/tasks/{id}/context}): the system prompt and a page of
 * the session's messages.
 *
 * @param nextAfter pass as {@code after} for the next page, or null on the last
 */
public record TaskContext(String systemPrompt, List<Entry> messages, Long nextAfter) {

  /** One message; {@code toolCalls} on an assistant message, {@code toolCallId} on a tool one. */
  public record Entry(
      long id, String role, String content, JsonArray toolCalls, String toolCallId) {}
}
