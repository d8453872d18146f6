package org.agentry.provider.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.agentry.platform.entity.Jsons;
import org.agentry.provider.entity.Provider;

/** A provider as the API shows it: the API key is never included, only {@code apiKeySet}. */
public record ProviderResponse(
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
    long version) {

  static ProviderResponse of(Provider provider) {
    var spec = provider.spec();
    return new ProviderResponse(
        provider.getName(),
        spec.kind().apiName(),
        spec.effectiveBaseUrl(),
        provider.hasApiKey(),
        spec.timeoutMs(),
        spec.maxRetries(),
        Jsons.createReader(new StringReader(spec.prices())).readObject(),
        spec.scriptedTurns() == null
            ? null
            : Jsons.createReader(new StringReader(spec.scriptedTurns())).readArray(),
        provider.getCreatedAt(),
        provider.getUpdatedAt(),
        provider.getVersion());
  }
}
