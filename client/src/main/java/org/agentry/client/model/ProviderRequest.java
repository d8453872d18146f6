package org.agentry.client.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * Body of {@code POST /api/v1/providers}; null members are left out.
 *
 * @param kind {@code openai}, {@code ollama}, {@code anthropic} or {@code scripted}
 * @param baseUrl e.g. {@code http://localhost:11434/v1}; absent takes the kind's default
 * @param apiKey write-only: sent, never returned
 * @param timeoutMs per model call, ms (default 60000)
 * @param maxRetries of 429, 5xx and timeouts (default 2)
 * @param prices {@code {"<model>": {"inputPerMillion": USD, "outputPerMillion": USD}}}
 * @param scriptedTurns for {@code scripted}: {@code [{"text": "…"} | {"toolCalls": […]}, …]}
 */
public record ProviderRequest(
    String name,
    String kind,
    String baseUrl,
    String apiKey,
    Long timeoutMs,
    Integer maxRetries,
    JsonObject prices,
    JsonArray scriptedTurns) {}
