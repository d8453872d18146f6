package org.agentry.client.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A model provider as the API shows it; its API key is never returned, only {@code apiKeySet}.
 *
 * @param kind {@code openai}, {@code ollama}, {@code anthropic} or {@code scripted}
 * @param timeoutMs per model call, ms
 * @param prices {@code {"<model>": {"inputPerMillion": USD, "outputPerMillion": USD}}}
 */
public record Provider(
    String name,
    String kind,
    String baseUrl,
    boolean apiKeySet,
    long timeoutMs,
    int maxRetries,
    JsonObject prices,
    JsonArray scriptedTurns,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
