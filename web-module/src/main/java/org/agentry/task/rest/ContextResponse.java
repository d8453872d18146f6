package org.agentry.task.rest;

import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.boundary.TaskQueries;

/**
 * A page of what a task's last model call was sent: the system prompt and the session's messages.
 * Both are absent before the first model call.
 *
 * @param nextAfter the {@code after} of the next page (the last message's id); absent on the last
 *     page
 */
public record ContextResponse(String systemPrompt, List<Entry> messages, Long nextAfter) {

  /**
   * One message; {@code toolCalls} for an assistant message, {@code toolCallId} for a tool one.
   *
   * @param id the message's id, which grows with the session
   */
  public record Entry(
      long id, String role, String content, JsonArray toolCalls, String toolCallId) {}

  static ContextResponse of(TaskQueries.Context context, int limit) {
    if (context == null) {
      return new ContextResponse(null, List.of(), null);
    }
    var entries =
        context.messages().stream()
            .map(
                m ->
                    new Entry(
                        m.getId(),
                        m.getRole().name().toLowerCase(Locale.ROOT),
                        m.getContent(),
                        m.getToolCalls() == null
                            ? null
                            : Jsons.createReader(new StringReader(m.getToolCalls())).readArray(),
                        m.getToolCallId()))
            .toList();
    var messages = context.messages();
    var next = messages.size() == limit ? messages.get(limit - 1).getId() : null;
    return new ContextResponse(context.systemPrompt(), entries, next);
  }
}
