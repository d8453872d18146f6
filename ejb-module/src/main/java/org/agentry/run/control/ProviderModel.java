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
 */
public record ProviderModel(
    String provider, ChatModel chatModel, PriceTable prices, int maxRetries) {}
