package org.agentry.provider.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.agentry.platform.entity.InvalidInputException;
import org.agentry.provider.entity.ProviderKind;
import org.agentry.provider.entity.ProviderSpec;

/**
 * Body of {@code POST /api/v1/providers} and {@code PUT /api/v1/providers/{name}}.
 *
 * @param kind {@code openai}, {@code ollama}, {@code anthropic} or {@code scripted}
 * @param baseUrl e.g. {@code http://localhost:11434/v1}; absent takes the kind's default
 * @param apiKey write-only; on PUT, absent keeps the stored key and {@code ""} removes it
 * @param timeoutMs per model call, default 60000
 * @param maxRetries of 429, 5xx and timeouts, default 2
 * @param prices {@code {"<model>": {"inputPerMillion": USD, "outputPerMillion": USD}}}
 * @param scriptedTurns for {@code scripted}: {@code [{"text": "…"} | {"toolCalls": [{"name",
 *     "arguments"}]}, …]}
 */
public record ProviderRequest(
    String name,
    String kind,
    String baseUrl,
    String apiKey,
    Long timeoutMs,
    Integer maxRetries,
    JsonObject prices,
    JsonArray scriptedTurns) {

  /**
   * The settings.
   *
   * @throws InvalidInputException naming the field that breaks a rule
   */
  ProviderSpec toSpec() {
    ProviderKind parsed;
    try {
      parsed = ProviderKind.fromApiName(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    return new ProviderSpec(
        parsed,
        baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim(),
        timeoutMs == null ? 60_000 : timeoutMs,
        maxRetries == null ? 2 : maxRetries,
        prices == null ? null : prices.toString(),
        scriptedTurns == null ? null : scriptedTurns.toString());
  }
}
