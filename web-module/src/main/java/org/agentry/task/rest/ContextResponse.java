package org.agentry.task.rest;

import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.agentry.platform.entity.Jsons;
import org.agentry.task.boundary.TaskQueries;

/**
 * What a task's last model call was sent: the system prompt and the session's messages. Both are
 * absent before the first model call.
 */
public record ContextResponse(String systemPrompt, List<Entry> messages) {

  /** One message; {@code toolCalls} for an assistant message, {@code toolCallId} for a tool one. */
  public record Entry(String role, String content, JsonArray toolCalls, String toolCallId) {}

  static ContextResponse of(TaskQueries.Context context) {
    if (context == null) {
      return new ContextResponse(null, List.of());
    }
    var entries =
        context.messages().stream()
            .map(
                m ->
                    new Entry(
                        m.getRole().name().toLowerCase(Locale.ROOT),
                        m.getContent(),
                        m.getToolCalls() == null
                            ? null
                            : Jsons.createReader(new StringReader(m.getToolCalls())).readArray(),
                        m.getToolCallId()))
            .toList();
    return new ContextResponse(context.systemPrompt(), entries);
  }
}
