package org.agentry.provider.entity;

import org.agentry.platform.entity.InvalidInputException;

/**
 * A provider's settings apart from its name and API key.
 *
 * @param kind the wire format
 * @param baseUrl the endpoint, e.g. {@code http://localhost:8000/v1}; null takes the kind's default
 * @param timeoutMs how long one model call may take, 1 ms to 1 hour
 * @param maxRetries retries of a retriable failure (429, 5xx, timeout), 0 to 10
 * @param prices JSON object: model → {@code {"inputPerMillion": USD, "outputPerMillion": USD}}
 * @param scriptedTurns JSON array of replies for the {@code scripted} kind, else null
 * @throws InvalidInputException if a value is out of range
 */
public record ProviderSpec(
    ProviderKind kind,
    String baseUrl,
    long timeoutMs,
    int maxRetries,
    String prices,
    String scriptedTurns) {

  public ProviderSpec {
    InvalidInputException.check(kind != null, "'kind' is required");
    InvalidInputException.check(
        timeoutMs >= 1 && timeoutMs <= 3_600_000, "'timeoutMs' must be 1 to 3600000");
    InvalidInputException.check(
        maxRetries >= 0 && maxRetries <= 10, "'maxRetries' must be 0 to 10");
    InvalidInputException.check(
        baseUrl == null || baseUrl.startsWith("http://") || baseUrl.startsWith("https://"),
        "'baseUrl' must be an http:// or https:// URL");
    InvalidInputException.check(
        baseUrl == null || baseUrl.length() <= 2048, "'baseUrl' must be at most 2048 characters");
    InvalidInputException.check(
        kind != ProviderKind.SCRIPTED || scriptedTurns != null,
        "a scripted provider needs 'scriptedTurns'");
    prices = prices == null ? "{}" : prices;
  }

  /** The base URL in force: the configured one or the kind's default. */
  public String effectiveBaseUrl() {
    return baseUrl != null ? baseUrl : kind.defaultBaseUrl();
  }
}
