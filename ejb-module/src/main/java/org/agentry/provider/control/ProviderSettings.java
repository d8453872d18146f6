package org.agentry.provider.control;

import jakarta.json.JsonArray;
import java.net.URI;
import java.time.Duration;
import org.agentry.platform.entity.Jsons;
import org.agentry.provider.entity.Provider;
import org.agentry.provider.entity.ProviderKind;

/**
 * How to reach one model provider.
 *
 * @param kind the wire protocol; required
 * @param baseUrl absolute {@code http(s)} URL without credentials and without trailing slash, e.g.
 *     {@code https://api.openai.com/v1}; {@code null} or blank means {@link
 *     ProviderKind#defaultBaseUrl()}; always {@code null} for {@link ProviderKind#SCRIPTED}
 * @param apiKey the secret sent to the provider, or {@code null}; blank means {@code null};
 *     required for {@link ProviderKind#ANTHROPIC}; never printed by {@link #toString()}
 * @param timeout connect and read timeout of one HTTP call; {@code null} means {@link
 *     #DEFAULT_TIMEOUT}
 * @param maxRetries retries after a retriable failure, 0 to {@link #MAX_RETRIES}
 * @param scriptedTurns the turns of a {@link ProviderKind#SCRIPTED} provider (see {@link
 *     ScriptedTurn}); {@code null} means none; must be {@code null} for other kinds
 */
public record ProviderSettings(
    ProviderKind kind,
    String baseUrl,
    String apiKey,
    Duration timeout,
    int maxRetries,
    JsonArray scriptedTurns) {

  /** The timeout used when none is given: 60 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The largest accepted {@code maxRetries}. */
  public static final int MAX_RETRIES = 10;

  /**
   * Checks and normalises the settings.
   *
   * @throws IllegalArgumentException naming the offending field and why
   */
  public ProviderSettings {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    apiKey = blankToNull(apiKey);
    baseUrl = kind == ProviderKind.SCRIPTED ? null : checkedBaseUrl(kind, blankToNull(baseUrl));
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
      throw new IllegalArgumentException(
          "maxRetries must be between 0 and " + MAX_RETRIES + ", was " + maxRetries);
    }
    if (kind == ProviderKind.ANTHROPIC && apiKey == null) {
      throw new IllegalArgumentException("apiKey is required for provider kind anthropic");
    }
    if (kind == ProviderKind.SCRIPTED) {
      ScriptedTurn.parseAll(scriptedTurns);
    } else if (scriptedTurns != null) {
      throw new IllegalArgumentException("scriptedTurns is only valid for provider kind scripted");
    }
  }

  /**
   * What it takes to call a stored provider.
   *
   * @param apiKey the provider's API key in clear ({@link ProviderKeys#open}), or {@code null}
   * @throws IllegalArgumentException if the stored settings break a rule above
   */
  public static ProviderSettings of(Provider provider, String apiKey) {
    var spec = provider.spec();
    JsonArray turns = null;
    if (spec.scriptedTurns() != null) {
      try (var reader = Jsons.createReader(spec.scriptedTurns())) {
        turns = reader.readArray();
      }
    }
    return new ProviderSettings(
        spec.kind(),
        spec.effectiveBaseUrl(),
        apiKey,
        Duration.ofMillis(spec.timeoutMs()),
        spec.maxRetries(),
        turns);
  }

  /** Scripted settings with the given turns, the default timeout and no retries. */
  public static ProviderSettings scripted(JsonArray turns) {
    return new ProviderSettings(ProviderKind.SCRIPTED, null, null, null, 0, turns);
  }

  /** Shows every field except the API key, which appears only as set or not. */
  @Override
  public String toString() {
    return "ProviderSettings[kind="
        + kind.apiName()
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "(none)" : "(set)")
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", scriptedTurns="
        + (scriptedTurns == null ? 0 : scriptedTurns.size())
        + "]";
  }

  private static String checkedBaseUrl(ProviderKind kind, String baseUrl) {
    String url = baseUrl == null ? kind.defaultBaseUrl() : baseUrl;
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason());
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http or https URL");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null) {
      // The URL is printed and logged freely, so it must not carry secrets.
      throw new IllegalArgumentException(
          "baseUrl must not contain credentials or a query; put the key in apiKey");
    }
    return url.replaceAll("/+$", "");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
