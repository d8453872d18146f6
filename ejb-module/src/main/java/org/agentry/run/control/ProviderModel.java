package org.agentry.run.control;

import dev.langchain4j.model.chat.ChatModel;
import org.agentry.provider.control.PriceTable;

/**
 * A provider's chat model for one agent configuration, built once and shared by every run.
 *
 * @param provider the provider's name, as usage records name it
 * @param chatModel the LangChain4j model; thread-safe
 * @param prices the provider's prices, USD per million tokens
 * @param maxRetries retries of a retriable failure within one model call
 * @param responseFormats whether the model takes a JSON Schema response format (OpenAI-compatible,
 *     Ollama and scripted providers; LangChain4j 1.8's Anthropic model refuses one)
 */
public record ProviderModel(
    String provider,
    ChatModel chatModel,
    PriceTable prices,
    int maxRetries,
    boolean responseFormats) {

  /** A model that takes response formats. */
  public ProviderModel(String provider, ChatModel chatModel, PriceTable prices, int maxRetries) {
    this(provider, chatModel, prices, maxRetries, true);
  }
}
