package org.agentry.provider.control;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A model that throws or answers as told, once per call, counting calls. */
final class FakeChatModel implements ChatModel {

  private final Deque<Supplier<ChatResponse>> outcomes;
  private int calls;

  @SafeVarargs
  FakeChatModel(Supplier<ChatResponse>... outcomes) {
    this.outcomes = new ArrayDeque<>(List.of(outcomes));
  }

  static Supplier<ChatResponse> failing(RuntimeException e) {
    return () -> {
      throw e;
    };
  }

  static Supplier<ChatResponse> answering(String text) {
    return () ->
        ChatResponse.builder().aiMessage(dev.langchain4j.data.message.AiMessage.from(text)).build();
  }

  int calls() {
    return calls;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    calls++;
    return outcomes.size() > 1 ? outcomes.poll().get() : outcomes.peek().get();
  }
}
