package org.agentry.provider.control;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.util.Map;
import org.agentry.provider.entity.ProviderKind;

/**
 * Builds LangChain4j chat models from {@link ProviderSettings}. Every HTTP model uses {@link
 * ProviderHttpClient} (so {@code Retry-After} reaches {@link ProviderCaller}), the settings'
 * timeout, no request logging (it would print keys) and LangChain4j's own retries disabled: call
 * the model through {@link ProviderCaller}.
 */
public final class ChatModels {

  /** Output limit sent to Anthropic, which requires one, when none is given: 1024 tokens. */
  public static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;

  private ChatModels() {}

  /**
   * A model for the given provider.
   *
   * @param settings where and how to reach the provider
   * @param model the model name, e.g. {@code gpt-4o-mini}; may be {@code null} for scripted only
   * @param temperature sampling temperature, or {@code null} for the provider's default
   * @param maxOutputTokens completion token limit, or {@code null} for the provider's default
   *     (Anthropic: {@value #DEFAULT_ANTHROPIC_MAX_TOKENS})
   * @return a model whose {@code chat} throws LangChain4j exceptions on failure
   * @throws IllegalArgumentException if the model name is missing or a limit is not positive
   */
  public static ChatModel create(
      ProviderSettings settings, String model, Double temperature, Integer maxOutputTokens) {
    if (settings.kind() != ProviderKind.SCRIPTED && (model == null || model.isBlank())) {
      throw new IllegalArgumentException(
          "model is required for provider kind " + settings.kind().apiName());
    }
    if (maxOutputTokens != null && maxOutputTokens <= 0) {
      throw new IllegalArgumentException(
          "maxOutputTokens must be positive, was " + maxOutputTokens);
    }
    return switch (settings.kind()) {
      case OPENAI -> openAi(settings, model, temperature, maxOutputTokens);
      case OLLAMA -> ollama(settings, model, temperature, maxOutputTokens);
      case ANTHROPIC -> anthropic(settings, model, temperature, maxOutputTokens);
      case SCRIPTED ->
          new ScriptedChatModel(
              settings.scriptedTurns(), model == null ? "scripted" : model, Sleeper.SYSTEM);
    };
  }

  private static ChatModel openAi(
      ProviderSettings settings, String model, Double temperature, Integer maxOutputTokens) {
    OpenAiChatModel.OpenAiChatModelBuilder builder =
        OpenAiChatModel.builder()
            .httpClientBuilder(new ProviderHttpClientBuilder())
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey())
            .modelName(model)
            .temperature(temperature)
            .timeout(settings.timeout())
            .maxRetries(0);
    // OpenAI's newer models refuse max_tokens; many compatible servers know only max_tokens.
    if (isOpenAiItself(settings.baseUrl())) {
      builder.maxCompletionTokens(maxOutputTokens);
    } else {
      builder.maxTokens(maxOutputTokens);
    }
    return builder.build();
  }

  private static ChatModel ollama(
      ProviderSettings settings, String model, Double temperature, Integer maxOutputTokens) {
    return OllamaChatModel.builder()
        .httpClientBuilder(new ProviderHttpClientBuilder())
        .baseUrl(settings.baseUrl())
        .customHeaders(
            settings.apiKey() == null
                ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey()))
        .modelName(model)
        .temperature(temperature)
        .numPredict(maxOutputTokens)
        .timeout(settings.timeout())
        .maxRetries(0)
        .build();
  }

  private static ChatModel anthropic(
      ProviderSettings settings, String model, Double temperature, Integer maxOutputTokens) {
    return AnthropicChatModel.builder()
        .httpClientBuilder(new ProviderHttpClientBuilder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .temperature(temperature)
        .maxTokens(maxOutputTokens == null ? DEFAULT_ANTHROPIC_MAX_TOKENS : maxOutputTokens)
        .timeout(settings.timeout())
        .maxRetries(0)
        .build();
  }

  private static boolean isOpenAiItself(String baseUrl) {
    return "api.openai.com".equalsIgnoreCase(URI.create(baseUrl).getHost());
  }
}
