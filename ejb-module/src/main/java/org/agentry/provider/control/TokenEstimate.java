package org.agentry.provider.control;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/** Token counts guessed at four characters per token, rounded up; for the scripted provider. */
public final class TokenEstimate {

  private TokenEstimate() {}

  /** Estimated tokens of all messages' text, tool-call names and arguments. */
  public static int ofMessages(List<ChatMessage> messages) {
    return tokens(messages.stream().mapToLong(TokenEstimate::chars).sum());
  }

  /** Estimated tokens of one message. */
  static int ofMessage(ChatMessage message) {
    return tokens(chars(message));
  }

  private static int tokens(long chars) {
    return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
  }

  private static long chars(ChatMessage message) {
    if (message instanceof AiMessage ai) {
      return length(ai.text())
          + ai.toolExecutionRequests().stream()
              .mapToLong(call -> length(call.name()) + length(call.arguments()))
              .sum();
    }
    if (message instanceof UserMessage user) {
      return user.contents().stream()
          .filter(TextContent.class::isInstance)
          .mapToLong(content -> length(((TextContent) content).text()))
          .sum();
    }
    if (message instanceof SystemMessage system) {
      return length(system.text());
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return length(result.text());
    }
    return 0;
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
