package org.agentry.run.control;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.agentry.platform.entity.Jsons;
import org.agentry.session.entity.Message;

/**
 * Converts between stored messages and LangChain4j's chat messages. An assistant message's tool
 * calls are stored as a JSON array of {@code {"id", "name", "arguments"}}, arguments kept as the
 * model sent them (a JSON text).
 */
public final class Transcript {

  private Transcript() {}

  /** What the model is told for a tool call whose result was never stored. */
  public static final String INTERRUPTED =
      "interrupted: the run stopped before this tool call finished; it may not have run";

  /**
   * The stored messages as chat messages, in order, repaired so that every provider accepts them:
   * user messages without content (left by older versions when a run resumed) are left out, and a
   * tool call that no stored result answers (a crash between the model's reply and the tool's
   * result, a cancel while waiting for an answer) gets a synthetic {@value #INTERRUPTED} result
   * right after its turn, as OpenAI and Anthropic require a result for every call; a result that
   * arrives after that turn has passed is left out.
   */
  public static List<ChatMessage> toChatMessages(List<Message> messages) {
    var chat = new ArrayList<ChatMessage>();
    var unanswered = new ArrayList<ToolExecutionRequest>();
    for (var message : messages) {
      switch (message.getRole()) {
        case USER -> {
          if (message.getContent() != null) {
            answerInterrupted(unanswered, chat);
            chat.add(UserMessage.from(message.getContent()));
          }
        }
        case ASSISTANT -> {
          answerInterrupted(unanswered, chat);
          var reply = assistant(message);
          chat.add(reply);
          if (reply.hasToolExecutionRequests()) {
            unanswered.addAll(reply.toolExecutionRequests());
          }
        }
        case TOOL -> {
          var call =
              unanswered.stream().filter(c -> sameId(c.id(), message.getToolCallId())).findFirst();
          call.ifPresent(unanswered::remove);
          // a late answer to a call already marked interrupted has no turn to follow any more
          if (call.isPresent() || message.getToolCallId() == null) {
            chat.add(
                ToolExecutionResultMessage.from(
                    message.getToolCallId(), message.getToolName(), message.getContent()));
          }
        }
      }
    }
    answerInterrupted(unanswered, chat);
    return chat;
  }

  /**
   * A history to resume after a person approved one of its last reply's tool calls.
   *
   * @param history the history without the call's stand-in result
   * @param call the approved call, to run first
   */
  public record Resumed(List<ChatMessage> history, ToolExecutionRequest call) {}

  /**
   * The history with the approved call taken out of its last turn's results, when that turn (the
   * last model reply and only tool results after it) holds the call unanswered, with the {@value
   * #INTERRUPTED} stand-in {@link #toChatMessages} gave it; else null (the call was answered, or
   * other messages came after it), and the call is not run.
   *
   * @param chat as {@link #toChatMessages} returned it
   */
  public static Resumed approved(List<ChatMessage> chat, String callId) {
    int last = chat.size() - 1;
    while (last >= 0 && chat.get(last) instanceof ToolExecutionResultMessage) {
      last--;
    }
    if (last < 0 || !(chat.get(last) instanceof AiMessage reply) || callId == null) {
      return null;
    }
    var call =
        reply.hasToolExecutionRequests()
            ? reply.toolExecutionRequests().stream()
                .filter(c -> callId.equals(c.id()))
                .findFirst()
                .orElse(null)
            : null;
    for (int i = last + 1; call != null && i < chat.size(); i++) {
      var result = (ToolExecutionResultMessage) chat.get(i);
      if (callId.equals(result.id()) && INTERRUPTED.equals(result.text())) {
        var history = new ArrayList<>(chat);
        history.remove(i);
        return new Resumed(history, call);
      }
    }
    return null;
  }

  private static void answerInterrupted(
      List<ToolExecutionRequest> unanswered, List<ChatMessage> chat) {
    unanswered.forEach(call -> chat.add(ToolExecutionResultMessage.from(call, INTERRUPTED)));
    unanswered.clear();
  }

  private static boolean sameId(String a, String b) {
    return (a == null ? "" : a).equals(b == null ? "" : b);
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
    var array = Jsons.createArrayBuilder();
    for (var call : calls) {
      array.add(
          Jsons.createObjectBuilder()
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
    try (var reader = Jsons.createReader(new StringReader(json))) {
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
