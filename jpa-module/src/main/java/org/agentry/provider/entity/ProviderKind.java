package org.agentry.provider.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire formats Agentry speaks to model providers. */
public enum ProviderKind {
  /** OpenAI Chat Completions: OpenAI, vLLM, llama.cpp server, LM Studio, Ollama's {@code /v1}. */
  OPENAI("https://api.openai.com/v1"),
  /** Ollama's native {@code /api/chat}. */
  OLLAMA("http://localhost:11434"),
  /** Anthropic Messages API. */
  ANTHROPIC("https://api.anthropic.com/v1"),
  /** Replies given in the provider's configuration: for tests, demos and deterministic jobs. */
  SCRIPTED(null);

  private final String defaultBaseUrl;

  ProviderKind(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /** The base URL used when none is configured; {@code null} for {@code scripted}. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The lower-case name used in the API, e.g. {@code openai}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the valid kinds
   */
  public static ProviderKind fromApiName(String name) {
    for (var kind : values()) {
      if (kind.apiName().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return kind;
      }
    }
    var valid =
        Arrays.stream(values()).map(ProviderKind::apiName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'kind' must be one of " + valid);
  }
}
