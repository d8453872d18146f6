package org.agentry.agent.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.agentry.session.entity.Message;

/**
 * Converts between stored messages and LangChain4j's chat messages. An assistant message's tool
 * calls are stored as a JSON array of {@code {"id", "name", "arguments"}}, arguments kept as the
 * model sent them (a JSON text).
 */
public final class Transcript {

  private Transcript() {}

  /** The stored messages as chat messages, in order. */
  public static List<ChatMessage> toChatMessages(List<Message> messages) {
    var chat = new ArrayList<ChatMessage>();
    for (var message : messages) {
      chat.add(
          switch (message.getRole()) {
            case USER -> UserMessage.from(message.getContent());
            case ASSISTANT -> assistant(message);
            case TOOL ->
                ToolExecutionResultMessage.from(
                    message.getToolCallId(), message.getToolName(), message.getContent());
          });
    }
    return chat;
  }

  private static AiMessage assistant(Message message) {
    var calls = parseToolCalls(message.getToolCalls());
    var text = message.getContent();
    if (calls.isEmpty()) {
      return AiMessage.from(text == null ? "" : text);
    }
    return text == null || text.isEmpty() ? AiMessage.from(calls) : AiMessage.from(text, calls);
  }

  /** The tool calls as stored: a JSON array, or null when there are none. */
  public static String toolCallsJson(List<ToolExecutionRequest> calls) {
    if (calls == null || calls.isEmpty()) {
      return null;
    }
    var array = Json.createArrayBuilder();
    for (var call : calls) {
      array.add(
          Json.createObjectBuilder()
              .add("id", call.id() == null ? "" : call.id())
              .add("name", call.name())
              .add("arguments", call.arguments() == null ? "{}" : call.arguments()));
    }
    return array.build().toString();
  }

  static List<ToolExecutionRequest> parseToolCalls(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().stream()
          .map(JsonValue::asJsonObject)
          .map(Transcript::toolCall)
          .toList();
    }
  }

  private static ToolExecutionRequest toolCall(JsonObject json) {
    return ToolExecutionRequest.builder()
        .id(json.getString("id", null))
        .name(json.getString("name"))
        .arguments(json.getString("arguments", "{}"))
        .build();
  }
}
