package org.agentry.session.rest;

import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import org.agentry.platform.entity.Jsons;
import org.agentry.session.entity.Message;

/**
 * A message of a session.
 *
 * @param id grows with time; use it as {@code after} to page
 * @param sessionId the session (thread) it belongs to
 * @param role {@code user}, {@code assistant} or {@code tool}
 * @param toolCalls for an assistant message: {@code [{"id","name","arguments"}]}
 * @param toolCallId for a tool message: the call it answers
 * @param from for a user message another agent sent ({@code POST /api/v1/inject}), that agent
 */
public record MessageResponse(
    long id,
    String sessionId,
    String role,
    String content,
    JsonArray toolCalls,
    String toolCallId,
    String toolName,
    String from,
    Instant createdAt) {

  /** The message as the API shows it. */
  public static MessageResponse of(Message message) {
    JsonArray calls = null;
    if (message.getToolCalls() != null) {
      try (var reader = Jsons.createReader(new StringReader(message.getToolCalls()))) {
        calls = reader.readArray();
      }
    }
    return new MessageResponse(
        message.getId(),
        message.getSessionId(),
        message.getRole().name().toLowerCase(Locale.ROOT),
        message.getContent(),
        calls,
        message.getToolCallId(),
        message.getToolName(),
        message.getSender(),
        message.getCreatedAt());
  }
}
